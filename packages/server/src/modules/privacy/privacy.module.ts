import { z } from 'zod';
import { defineModule, requireService } from '../../core/module';
import { defineJob } from '../../jobs/define-job';
import { AccountDeletionEntity } from './account-deletion.entity';
import { AccountLifecycleService } from './account-lifecycle.service';
import { DataExportEntity, DataExportPartEntity } from './data-export.entity';
import { DataExportService } from './data-export.service';
import { AccountEraser } from './erasure';
import { mailPrivacyNotices } from './privacy.events';
import { PrivacyResolver } from './privacy.resolver';
import { RecordingsDeletionRequestEntity } from './recordings-deletion.entity';
import { RecordingsDeletionResolver } from './recordings-deletion.resolver';
import { RecordingsDeletionService } from './recordings-deletion.service';
import { anonymous } from '../../caller/caller';

declare module '../../core/module' {
  interface Services {
    dataExports: DataExportService;
    accountLifecycle: AccountLifecycleService;
    accountEraser: AccountEraser;
    recordingsDeletions: RecordingsDeletionService;
  }
}

const HOUR_MS = 60 * 60 * 1000;
const SYSTEM = anonymous({ ip: null, userAgent: null });

/** Exporting my data, deactivating or deleting my account, deleting call recordings. */
export const privacyModule = defineModule({
  name: 'privacy',
  entities: [
    DataExportEntity,
    DataExportPartEntity,
    AccountDeletionEntity,
    RecordingsDeletionRequestEntity,
  ],
  resolvers: [PrivacyResolver, RecordingsDeletionResolver],
  services: ({ dataSource, config, events, jobs, delivery, secretKey }, built) => {
    const recentAuth = requireService(built, 'recentAuth', 'privacy');
    return {
      dataExports: new DataExportService(
        dataSource,
        jobs,
        events,
        recentAuth,
        delivery,
        config.exportLinkDays,
      ),
      accountLifecycle: new AccountLifecycleService(
        dataSource,
        requireService(built, 'sessions', 'privacy'),
        requireService(built, 'tokens', 'privacy'),
        recentAuth,
        events,
        jobs,
        delivery,
        config.accountDeletionGraceDays,
      ),
      accountEraser: new AccountEraser(dataSource, events, secretKey),
      recordingsDeletions: new RecordingsDeletionService(dataSource, events),
    };
  },
  subscribers: ({ tokens }, { delivery }) => [mailPrivacyNotices(delivery, tokens)],
  jobs: ({ dataExports, accountLifecycle, accountEraser }) => {
    const build = defineJob({
      kind: 'data_export.build',
      payload: z.object({ exportId: z.string() }),
      async handler({ exportId }, { attempt }) {
        try {
          await dataExports.build(exportId, SYSTEM);
        } catch (error) {
          if (attempt >= 3) await dataExports.markFailed(exportId);
          throw error;
        }
      },
      maxAttempts: 3,
    });
    const expire = defineJob({
      kind: 'data_export.expire',
      payload: z.object({}),
      async handler() {
        await dataExports.expireStale();
      },
      maxAttempts: 3,
      backoff: () => 60_000,
    });
    // A short lease: an instance that dies mid-erasure hands it over within seconds.
    const erase = defineJob({
      kind: 'accounts.erase-due',
      payload: z.object({}),
      async handler(_payload, { log, signal }) {
        const erased = await accountEraser.eraseDue(log, signal);
        if (erased > 0) log.info({ erased }, 'erased accounts');
      },
      maxAttempts: 10,
      leaseMs: 5_000,
    });
    dataExports.buildJob = build;
    accountLifecycle.eraseJob = erase;
    return {
      kinds: [build, expire, erase],
      schedules: [
        { job: expire, everyMs: HOUR_MS, payload: {} },
        { job: erase, everyMs: HOUR_MS, payload: {} },
      ],
    };
  },
});
