import 'reflect-metadata';
import { createDataSource } from '../src/db/data-source';
import { runMigrationsUnderLock } from '../src/db/migrate';
async function main() {
  const url = process.argv[2];
  const ds = await createDataSource(url.startsWith('sqlite:') ? { type: 'sqlite', file: url.slice(7) } : { type: 'mysql', url });
  await ds.initialize();
  await runMigrationsUnderLock(ds);
  const log = await ds.driver.createSchemaBuilder().log();
  for (const q of log.upQueries) console.log(q.query + ';');
  await ds.destroy();
}
main();
