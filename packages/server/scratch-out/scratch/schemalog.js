"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const data_source_1 = require("../src/db/data-source");
const migrate_1 = require("../src/db/migrate");
async function main() {
    const url = process.argv[2];
    const ds = await (0, data_source_1.createDataSource)(url.startsWith('sqlite:') ? { type: 'sqlite', file: url.slice(7) } : { type: 'mysql', url });
    await ds.initialize();
    await (0, migrate_1.runMigrationsUnderLock)(ds);
    const log = await ds.driver.createSchemaBuilder().log();
    for (const q of log.upQueries)
        console.log(q.query + ';');
    await ds.destroy();
}
main();
