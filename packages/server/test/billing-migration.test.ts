import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/env';
import { createDataSource, driverFamily } from '../src/db/data-source';
import { mysqlMigrations } from '../src/db/migrations/mysql';
import { sqliteMigrations } from '../src/db/migrations/sqlite';
import { ENTITIES } from '../src/modules';
import { WalletEntity } from '../src/modules/billing/wallet.entity';
import { OrganizationEntity } from '../src/modules/organization/organization.entity';
import { UsageCounterEntity } from '../src/modules/usage/usage-counter.entity';
import { freshDatabase } from './support/server';

const MIGRATION = 'PlanUsageBilling1764760000000';

/**
 * Rows as the code before plans and billing left them: an organization, its usage per UTC day
 * and a wallet. The migration gives the organization the day it was made as its cycles' day,
 * each day's count to that day's first quarter hour, and the wallet a currency and an "as of";
 * undoing it folds the quarter hours back into days.
 */
it('carries daily usage, organizations and wallets over, and back', async () => {
  const database = await freshDatabase(mkdtempSync(path.join(tmpdir(), 'atrium-billing-mig-')));
  const config = loadConfig({ DATABASE_URL: database.url }).database;
  const dataSource = await createDataSource(config, ENTITIES);
  const all = driverFamily(dataSource) === 'mysql' ? mysqlMigrations : sqliteMigrations;
  const before = all.filter((migration) => new migration().name !== MIGRATION);
  expect(before).toHaveLength(all.length - 1);
  dataSource.setOptions({ migrations: before });
  await dataSource.initialize();
  // Plain SQL: the entities already know the new columns, which the table does not have yet.
  const insert = (table: string, values: Record<string, unknown>) =>
    dataSource.query(
      `INSERT INTO ${table} (${Object.keys(values).join(', ')}) VALUES (${Object.keys(values)
        .map(() => '?')
        .join(', ')})`,
      Object.values(values),
    );
  try {
    await dataSource.runMigrations();
    await insert('organizations', {
      id: 'org-1',
      name: 'Before',
      plan: 'DENTAL',
      created_at: '2025-10-17 08:00:00.000',
      updated_at: '2025-10-17 08:00:00.000',
    });
    await insert('usage_counters', {
      organization_id: 'org-1',
      metric: 'API_REQUESTS',
      day: '2025-11-02',
      quantity: 1234,
    });
    await insert('usage_counters', {
      organization_id: 'org-1',
      metric: 'API_REQUESTS',
      day: '2025-11-03',
      quantity: 5,
    });
    await insert('wallets', {
      organization_id: 'org-1',
      balance_cents: 4200,
      updated_at: '2025-11-03 10:00:00.000',
    });
  } finally {
    await dataSource.destroy();
  }

  const migrated = await createDataSource(config, ENTITIES);
  await migrated.initialize();
  try {
    expect((await migrated.runMigrations()).map((m) => m.name)).toEqual([MIGRATION]);
    const organization = await migrated.manager.findOneByOrFail(OrganizationEntity, {
      id: 'org-1',
    });
    expect(organization.billingAnchorDay).toBe(17);
    const counters = await migrated.manager.find(UsageCounterEntity, {
      order: { slotStart: 'ASC' },
    });
    expect(
      counters.map(({ metric, slotStart, quantity }) => [metric, slotStart, quantity]),
    ).toEqual([
      ['API_REQUESTS', new Date('2025-11-02T00:00:00.000Z'), 1234],
      ['API_REQUESTS', new Date('2025-11-03T00:00:00.000Z'), 5],
    ]);
    expect(
      await migrated.manager.findOneByOrFail(WalletEntity, { organizationId: 'org-1' }),
    ).toEqual(
      expect.objectContaining({
        balanceCents: 4200,
        currency: 'EUR',
        asOf: new Date('2025-11-03T10:00:00.000Z'),
      }),
    );

    // Two quarter hours of a day become that day's count again.
    await migrated.manager.insert(UsageCounterEntity, {
      organizationId: 'org-1',
      metric: 'API_REQUESTS',
      slotStart: new Date('2025-11-03T17:45:00.000Z'),
      quantity: 10,
    });
    await migrated.undoLastMigration();
    const days = (await migrated.query(
      'SELECT day, quantity FROM usage_counters ORDER BY day',
    )) as Array<{ day: string; quantity: number | string }>;
    expect(days.map(({ day, quantity }) => [day, Number(quantity)])).toEqual([
      ['2025-11-02', 1234],
      ['2025-11-03', 15],
    ]);
  } finally {
    await migrated.destroy();
    await database.drop();
  }
});
