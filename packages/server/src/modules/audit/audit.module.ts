import { defineModule } from '../../core/module';
import { AuditChainEntity, AuditEventDetailsEntity, AuditEventEntity } from './audit-event.entity';
import { AuditLogService } from './audit-log.service';
import { AuditRecorder, recordAuditLog } from './audit-recorder';
import { AuditRetention, pruneAuditLogJob } from './audit-retention';
import { AuditEventResolver, OrganizationAuditResolver } from './audit.resolver';

declare module '../../core/module' {
  interface Services {
    auditLog: AuditLogService;
    auditRetention: AuditRetention;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The organization audit log: a hash-chained entry for every organization change. */
export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditEventEntity, AuditEventDetailsEntity, AuditChainEntity],
  resolvers: [OrganizationAuditResolver, AuditEventResolver],
  services: ({ dataSource, config }) => ({
    auditLog: new AuditLogService(dataSource),
    auditRetention: new AuditRetention(dataSource, config.auditRetentionDays),
  }),
  subscribers: () => [recordAuditLog(new AuditRecorder())],
  jobs: ({ auditRetention }) => {
    const prune = pruneAuditLogJob(auditRetention);
    return { kinds: [prune], schedules: [{ job: prune, everyMs: DAY_MS, payload: {} }] };
  },
});
