import type { AtriumServer } from '../src/app';
import { anonymous } from '../src/caller/caller';
import { DomainEvents } from '../src/events/domain-events';
import { SecurityEventEntity } from '../src/modules/security-events/security-event.entity';
import { recordTimeline } from '../src/modules/security-events/timeline.subscriber';
import { signedUpBrowser } from './support/actors';
import { startTestServer } from './support/server';

/**
 * The event dispatcher on a real database: in-transaction subscribers commit or roll back
 * with the change; after-commit ones run only after a commit and never fail the change.
 */
let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

const silentLogger = () => {
  const errors: unknown[] = [];
  const logger = { error: (entry: unknown) => errors.push(entry) } as never;
  return { logger, errors };
};

async function timelineCount(accountId: string): Promise<number> {
  return atrium.dataSource
    .getRepository(SecurityEventEntity)
    .countBy({ accountId, type: 'BACKUP_CODES_REGENERATED' });
}

describe('domain events', () => {
  it('writes in-transaction work with the change, and runs after-commit work once committed', async () => {
    const { accountId } = await signedUpBrowser(atrium.url, 'Evented');
    const { logger } = silentLogger();
    const events = new DomainEvents(logger);
    recordTimeline(atrium.services.securityEvents)(events);
    const seen: string[] = [];
    events.afterCommit('mfa.backup_codes_regenerated', () => {
      seen.push('after-commit');
    });
    await atrium.dataSource.transaction(async (manager) => {
      await events.emit(manager, {
        type: 'mfa.backup_codes_regenerated',
        caller: anonymous({ ip: null, userAgent: null }),
        accountId,
        data: {},
      });
      // Not yet: the transaction is still open.
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['after-commit']);
    expect(await timelineCount(accountId)).toBe(1);
  });

  it('drops both when the change rolls back', async () => {
    const { accountId } = await signedUpBrowser(atrium.url, 'Rolled Back');
    const { logger } = silentLogger();
    const events = new DomainEvents(logger);
    recordTimeline(atrium.services.securityEvents)(events);
    let ran = 0;
    events.afterCommit('mfa.backup_codes_regenerated', () => {
      ran += 1;
    });
    await expect(
      atrium.dataSource.transaction(async (manager) => {
        await events.emit(manager, {
          type: 'mfa.backup_codes_regenerated',
          caller: anonymous({ ip: null, userAgent: null }),
          accountId,
          data: {},
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(ran).toBe(0);
    expect(await timelineCount(accountId)).toBe(0);
  });

  it('a failing in-transaction subscriber rolls the change back; a failing after-commit one is logged and the change stands', async () => {
    const { accountId } = await signedUpBrowser(atrium.url, 'Failing Subscriber');
    const { logger, errors } = silentLogger();
    const failingInside = new DomainEvents(logger);
    recordTimeline(atrium.services.securityEvents)(failingInside);
    failingInside.inTransaction('mfa.backup_codes_regenerated', () =>
      Promise.reject(new Error('subscriber down')),
    );
    const emit = (events: DomainEvents) =>
      atrium.dataSource.transaction((manager) =>
        events.emit(manager, {
          type: 'mfa.backup_codes_regenerated',
          caller: anonymous({ ip: null, userAgent: null }),
          accountId,
          data: {},
        }),
      );
    await expect(emit(failingInside)).rejects.toThrow('subscriber down');
    expect(await timelineCount(accountId)).toBe(0);

    const failingAfter = new DomainEvents(logger);
    recordTimeline(atrium.services.securityEvents)(failingAfter);
    failingAfter.afterCommit('mfa.backup_codes_regenerated', () => {
      throw new Error('live publication down');
    });
    await expect(emit(failingAfter)).resolves.toBeUndefined();
    expect(await timelineCount(accountId)).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
