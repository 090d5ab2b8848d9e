import { ENTITIES } from '../src/modules';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/env';
import { createDataSource, driverFamily } from '../src/db/data-source';
import { mysqlMigrations } from '../src/db/migrations/mysql';
import { sqliteMigrations } from '../src/db/migrations/sqlite';
import { JobEntity } from '../src/jobs/job.entity';
import { freshDatabase } from './support/server';

/** The mail outbox's rows as the old code left them, moved into jobs by the migration. */
it('moves unsent outbox mail into jobs and drops the outbox', async () => {
  const database = await freshDatabase(mkdtempSync(path.join(tmpdir(), 'atrium-jobs-mig-')));
  const dataSource = await createDataSource(
    loadConfig({ DATABASE_URL: database.url }).database,
    ENTITIES,
  );
  const all = driverFamily(dataSource) === 'mysql' ? mysqlMigrations : sqliteMigrations;
  const beforeJobs = all.filter((migration) => new migration().name !== 'Jobs1764400000000');
  expect(beforeJobs).toHaveLength(all.length - 1);
  dataSource.setOptions({ migrations: beforeJobs });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const insert = (
      id: string,
      attempts: number,
      sentAt: string | null,
      lastError: string | null,
    ) =>
      dataSource
        .createQueryBuilder()
        .insert()
        .into('mail_outbox')
        .values({
          id,
          payload: JSON.stringify({ to: `${id}@example.test`, subject: id, text: 't', html: 'h' }),
          attempts,
          next_attempt_at: '2030-01-02 03:04:05.678',
          sent_at: sentAt,
          last_error: lastError,
          created_at: '2030-01-01 00:00:00.000',
        })
        .execute();
    await insert('waiting', 3, null, 'connection refused');
    await insert('delivered', 1, '2030-01-01 00:00:01.000', null);
    await insert('given-up', 12, null, 'mailbox unavailable');

    await dataSource.destroy();
    const migrated = await createDataSource(
      loadConfig({ DATABASE_URL: database.url }).database,
      ENTITIES,
    );
    await migrated.initialize();
    try {
      expect((await migrated.runMigrations()).map((m) => m.name)).toEqual(['Jobs1764400000000']);
      const jobs = await migrated.getRepository(JobEntity).find({ order: { id: 'ASC' } });
      expect(jobs).toEqual([
        expect.objectContaining({
          id: 'given-up',
          kind: 'mail.send',
          status: 'DEAD',
          attempts: 12,
          lastError: 'mailbox unavailable',
          finishedAt: expect.any(Date),
        }),
        expect.objectContaining({
          id: 'waiting',
          kind: 'mail.send',
          status: 'PENDING',
          attempts: 3,
          runAt: new Date('2030-01-02T03:04:05.678Z'),
          lastError: 'connection refused',
          leaseOwner: null,
          idempotencyKey: null,
          createdAt: new Date('2030-01-01T00:00:00.000Z'),
          finishedAt: null,
        }),
      ]);
      expect(JSON.parse(jobs[1].payload)).toEqual({
        to: 'waiting@example.test',
        subject: 'waiting',
        text: 't',
        html: 'h',
      });
      const tables = await migrated.createQueryRunner().getTables(['mail_outbox']);
      expect(tables).toEqual([]);
    } finally {
      await migrated.destroy();
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
});
