import { Initial1763800000000 } from './1763800000000-initial';
import { Credentials1763900000000 } from './1763900000000-credentials';
import { MfaAndTimeline1764000000000 } from './1764000000000-mfa-and-timeline';
import { MailOutbox1764050000000 } from './1764050000000-mail-outbox';
import { Organizations1764100000000 } from './1764100000000-organizations';
import { ApiKeys1764300000000 } from './1764300000000-api-keys';
import { Jobs1764400000000 } from './1764400000000-jobs';
import { TimelineTargetDevice1764500000000 } from './1764500000000-timeline-target-device';
import { ApiKeyRollsAndUsage1764520000000 } from './1764520000000-api-key-rolls-and-usage';
import { Notifications1764640000000 } from './1764640000000-notifications';
import { Webhooks1764610000000 } from './1764610000000-webhooks';
import { Privacy1764700000000 } from './1764700000000-privacy';
import { PlanUsageBilling1764760000000 } from './1764760000000-plan-usage-billing';
import { PasskeysAndSmsMfa1764918000000 } from './1764918000000-passkeys-and-sms-mfa';
import { AuditLog1764950000000 } from './1764950000000-audit-log';

/** MySQL / MariaDB migrations, oldest first. Keep in step with ../sqlite. */
export const mysqlMigrations = [
  Initial1763800000000,
  Credentials1763900000000,
  MfaAndTimeline1764000000000,
  MailOutbox1764050000000,
  Organizations1764100000000,
  ApiKeys1764300000000,
  Jobs1764400000000,
  TimelineTargetDevice1764500000000,
  ApiKeyRollsAndUsage1764520000000,
  Webhooks1764610000000,
  Notifications1764640000000,
  Privacy1764700000000,
  PlanUsageBilling1764760000000,
  PasskeysAndSmsMfa1764918000000,
  AuditLog1764950000000,
];
