import type { AtriumModule } from './core/module';
import { JobEntity } from './jobs/job.entity';
import { accountModule } from './modules/account/account.module';
import { apiKeyModule } from './modules/api-key/api-key.module';
import { auditModule } from './modules/audit/audit.module';
import { authModule } from './modules/auth/auth.module';
import { avatarModule } from './modules/avatar/avatar.module';
import { billingModule } from './modules/billing/billing.module';
import { domainModule } from './modules/domain/domain.module';
import { invitationModule } from './modules/invitation/invitation.module';
import { mfaModule } from './modules/mfa/mfa.module';
import { notificationModule } from './modules/notification/notification.module';
import { passkeyModule } from './modules/passkey/passkey.module';
import { organizationModule } from './modules/organization/organization.module';
import { planModule } from './modules/plan/plan.module';
import { privacyModule } from './modules/privacy/privacy.module';
import { securityEventsModule } from './modules/security-events/security-events.module';
import { sessionModule } from './modules/session/session.module';
import { tokensModule } from './modules/tokens/tokens.module';
import { usageModule } from './modules/usage/usage.module';
import { webhookModule } from './modules/webhook/webhook.module';

/**
 * The registry: every feature module, one line each. A module's services may use those of the
 * modules above it.
 */
export const MODULES: readonly AtriumModule[] = [
  tokensModule,
  securityEventsModule,
  sessionModule,
  usageModule,
  apiKeyModule,
  avatarModule,
  accountModule,
  passkeyModule,
  mfaModule,
  authModule,
  organizationModule,
  invitationModule,
  domainModule,
  planModule,
  billingModule,
  notificationModule,
  webhookModule,
  auditModule,
  privacyModule,
];

/** Every mapped table: the plumbing's own, then each module's. */
export const ENTITIES = [JobEntity, ...MODULES.flatMap((module) => module.entities ?? [])];

/** Every module's resolvers, in registry order. */
export const RESOLVERS = MODULES.flatMap((module) => module.resolvers ?? []);
