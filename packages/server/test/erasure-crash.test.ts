import { type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../src/config/env';
import { createDataSource } from '../src/db/data-source';
import { newId } from '../src/db/columns';
import { JobEntity } from '../src/jobs/job.entity';
import { ENTITIES } from '../src/modules';
import { AccountEntity } from '../src/modules/account/account.entity';
import { AccountDeletionEntity } from '../src/modules/privacy/account-deletion.entity';
import { ERASE_BATCH } from '../src/modules/privacy/erasure';
import { SecurityEventEntity } from '../src/modules/security-events/security-event.entity';
import { signedUpBrowser } from './support/actors';
import { eventually } from './support/jobs';
import { ScheduleAccountDeletion } from './support/privacy-documents';
import { listeningUrl, startProcess } from './support/process';
import { freshDatabase } from './support/server';

function exited(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', resolve));
}

/**
 * The erasure is a job of small steps: the compiled server is killed (SIGKILL) after its first
 * batch of the person's timeline is gone, and a restart on the same database finishes it.
 */
it('finishes an erasure killed half-way once the server restarts', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-erasure-crash-'));
  const database = await freshDatabase(dir);
  const env = {
    PORT: '0',
    DATABASE_URL: database.url,
    SECRET_KEY: 'erasure-crash-secret-key-0123456789abcdef',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    LOG_LEVEL: 'info',
  };
  const observer = await createDataSource(
    loadConfig({ DATABASE_URL: database.url }).database,
    ENTITIES,
  );
  const children: ChildProcess[] = [];
  try {
    const first = startProcess(env);
    children.push(first);
    const url = await listeningUrl(first);
    // Once the server has migrated the database.
    await observer.initialize();
    const { actor, accountId } = await signedUpBrowser(url, 'Crash Person');
    const timelineRows = ERASE_BATCH * 100;
    const now = new Date();
    for (let i = 0; i < timelineRows; i += 500) {
      await observer.getRepository(SecurityEventEntity).insert(
        Array.from({ length: Math.min(500, timelineRows - i) }, () => ({
          id: newId(),
          accountId,
          type: 'SIGN_IN' as const,
          ipAddress: '192.0.2.1',
          location: null,
          device: 'Seeded',
          targetDevice: null,
          newDevice: false,
          createdAt: now,
        })),
      );
    }

    // SIGKILL as soon as the first batch of the timeline is gone (seen in the log or the table).
    let kill: () => void = () => undefined;
    const killed = new Promise<void>((resolve) => {
      kill = () => {
        first.kill('SIGKILL');
        resolve();
      };
      createInterface({ input: first.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; step?: string };
        if (entry.msg === 'erasure step' && entry.step === 'security_events') kill();
      });
    });
    // Scheduled (its notice mailed), then due: the date is moved to the past and the hourly
    // sweep's job is queued as the scheduler would.
    await actor.run(ScheduleAccountDeletion);
    await eventually('the notice to go out', async () =>
      (await observer.getRepository(JobEntity).findBy({ kind: 'mail.send' })).every(
        (job) => job.status === 'SUCCEEDED',
      ),
    );
    await observer
      .getRepository(AccountEntity)
      .update({ id: accountId }, { deletionScheduledFor: new Date(Date.now() - 1000) });
    await observer.getRepository(JobEntity).insert({
      id: newId(),
      kind: 'accounts.erase-due',
      payload: '{}',
      status: 'PENDING',
      runAt: new Date(),
      attempts: 0,
      lastError: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      idempotencyKey: null,
      createdAt: new Date(),
      finishedAt: null,
    });
    await eventually(
      'the first batch to go',
      async () =>
        first.signalCode !== null ||
        (await observer.getRepository(SecurityEventEntity).countBy({ accountId })) < timelineRows,
      10_000,
    );
    kill();
    await killed;
    await exited(first);

    const left = await observer.getRepository(SecurityEventEntity).countBy({ accountId });
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(timelineRows);
    expect(await observer.getRepository(AccountEntity).existsBy({ id: accountId })).toBe(true);

    const second = startProcess(env);
    children.push(second);
    await listeningUrl(second);
    await eventually(
      'the erasure to finish',
      async () => !(await observer.getRepository(AccountEntity).existsBy({ id: accountId })),
      30_000,
    ).catch(async (error: unknown) => {
      console.error(
        await observer.query(
          'SELECT kind, status, attempts, last_error, lease_expires_at FROM jobs',
        ),
      );
      throw error;
    });
    expect(await observer.getRepository(SecurityEventEntity).countBy({ accountId })).toBe(0);
    expect(await observer.getRepository(AccountDeletionEntity).count()).toBe(1);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (observer.isInitialized) await observer.destroy();
    await database.drop();
  }
}, 60_000);
