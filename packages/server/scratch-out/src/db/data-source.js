"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDataSource = createDataSource;
exports.driverFamily = driverFamily;
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const promise_1 = require("mysql2/promise");
const typeorm_1 = require("typeorm");
const entities_1 = require("./entities");
const mysql_1 = require("./migrations/mysql");
const sqlite_1 = require("./migrations/sqlite");
/** A TypeORM data source for the configured driver; never `synchronize`, always migrations. */
async function createDataSource(database) {
    if (database.type === 'sqlite') {
        if (database.file !== ':memory:')
            (0, node_fs_1.mkdirSync)(node_path_1.default.dirname(database.file), { recursive: true });
        return new typeorm_1.DataSource({
            type: 'better-sqlite3',
            database: database.file,
            entities: entities_1.entities,
            migrations: sqlite_1.sqliteMigrations,
            migrationsTransactionMode: 'each',
            synchronize: false,
            enableWAL: database.file !== ':memory:',
            // Replicas on one file wait for each other's write transactions instead of failing.
            timeout: 10_000,
        });
    }
    return new typeorm_1.DataSource({
        // TypeORM reads MariaDB's catalog (defaults, nullability) differently from MySQL's.
        type: (await isMariaDb(database.url)) ? 'mariadb' : 'mysql',
        url: database.url,
        entities: entities_1.entities,
        migrations: mysql_1.mysqlMigrations,
        migrationsTransactionMode: 'each',
        synchronize: false,
        charset: 'utf8mb4_unicode_ci',
        timezone: 'Z',
        extra: { connectionLimit: 20 },
    });
}
function driverFamily(dataSource) {
    return dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}
async function isMariaDb(url) {
    const connection = await (0, promise_1.createConnection)(url);
    try {
        const [rows] = await connection.query('SELECT VERSION() AS version');
        return /mariadb/i.test(String(rows[0]?.version));
    }
    finally {
        await connection.end();
    }
}
