"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runMigrationsUnderLock = runMigrationsUnderLock;
const node_fs_1 = require("node:fs");
const promises_1 = require("node:timers/promises");
const data_source_1 = require("./data-source");
const LOCK_NAME = 'atrium_migrations';
const LOCK_TIMEOUT_SECONDS = 120;
/**
 * Runs pending migrations while holding a lock shared by every replica, so instances that start
 * together apply each migration once: MySQL's GET_LOCK, or a lock file beside the SQLite file.
 */
async function runMigrationsUnderLock(dataSource) {
    const release = (0, data_source_1.driverFamily)(dataSource) === 'mysql'
        ? await acquireMysqlLock(dataSource)
        : await acquireFileLock(`${String(dataSource.options.database)}.migrate.lock`);
    try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        return applied.map((migration) => migration.name);
    }
    finally {
        await release();
    }
}
async function acquireMysqlLock(dataSource) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
        LOCK_NAME,
        LOCK_TIMEOUT_SECONDS,
    ]));
    if (Number(row?.acquired) !== 1) {
        await runner.release();
        throw new Error(`Could not take the migration lock within ${LOCK_TIMEOUT_SECONDS}s`);
    }
    return async () => {
        try {
            await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
        }
        finally {
            await runner.release();
        }
    };
}
async function acquireFileLock(lockFile) {
    if (lockFile.startsWith(':memory:'))
        return async () => undefined;
    const deadline = Date.now() + LOCK_TIMEOUT_SECONDS * 1000;
    for (;;) {
        try {
            (0, node_fs_1.closeSync)((0, node_fs_1.openSync)(lockFile, 'wx'));
            return async () => (0, node_fs_1.unlinkSync)(lockFile);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            if (isStale(lockFile)) {
                (0, node_fs_1.unlinkSync)(lockFile);
                continue;
            }
            if (Date.now() > deadline)
                throw new Error(`Migration lock ${lockFile} is held too long`);
            await (0, promises_1.setTimeout)(50);
        }
    }
}
/** A lock left behind by a process that died mid-migration is taken over after the timeout. */
function isStale(lockFile) {
    try {
        return Date.now() - (0, node_fs_1.statSync)(lockFile).mtimeMs > LOCK_TIMEOUT_SECONDS * 1000;
    }
    catch {
        return false;
    }
}
