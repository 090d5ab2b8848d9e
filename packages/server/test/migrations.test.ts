import { ENTITIES } from '../src/modules';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../src/config/env';
import { createDataSource } from '../src/db/data-source';
import { runMigrationsUnderLock } from '../src/db/migrate';
import { mysqlMigrations } from '../src/db/migrations/mysql';
import { sqliteMigrations } from '../src/db/migrations/sqlite';
import { usingMysql } from './support/server';

/** A fresh, empty database of the driver family under test, dropped afterwards. */
async function freshDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (!usingMysql()) {
    const dir = mkdtempSync(path.join(tmpdir(), 'atrium-migrations-'));
    return {
      config: { type: 'sqlite', file: path.join(dir, 'fresh.sqlite') },
      drop: async () => undefined,
    };
  }
  const url = new URL(process.env.DATABASE_URL as string);
  const name = `atrium_migcheck_${process.pid}_${Date.now().toString(36)}`;
  const admin = new DataSource({ type: 'mysql', url: url.toString() });
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\``);
  url.pathname = `/${name}`;
  return {
    config: { type: 'mysql', url: url.toString() },
    drop: async () => {
      await admin.query(`DROP DATABASE \`${name}\``);
      await admin.destroy();
    },
  };
}

describe('migrations', () => {
  it('has the same migrations, by name, for both driver families', () => {
    expect(mysqlMigrations.map((m) => new m().name)).toEqual(
      sqliteMigrations.map((m) => new m().name),
    );
  });

  it('two replicas starting together apply each migration once and end matching the entities', async () => {
    const { config, drop } = await freshDatabase();
    const replicas = await Promise.all([
      createDataSource(config, ENTITIES),
      createDataSource(config, ENTITIES),
    ]);
    try {
      await Promise.all(replicas.map((replica) => replica.initialize()));
      const applied = await Promise.all(replicas.map((replica) => runMigrationsUnderLock(replica)));
      const names = applied.flat();
      expect(names).toHaveLength(new Set(names).size);
      expect(names.sort()).toEqual(sqliteMigrations.map((m) => new m().name).sort());

      const rows = (await replicas[0].query('SELECT name FROM migrations')) as unknown[];
      expect(rows).toHaveLength(sqliteMigrations.length);

      // What `synchronize` would still do after the migrations: nothing, or they drifted.
      const pending = await replicas[0].driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await Promise.all(
        replicas.map((replica) => (replica.isInitialized ? replica.destroy() : undefined)),
      );
      await drop();
    }
  });
});
