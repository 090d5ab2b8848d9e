import type { AtriumServer } from '../src/app';
import { DomainEntity } from '../src/modules/domain/domain.entity';
import { InvitationEntity } from '../src/modules/invitation/invitation.entity';
import { OrganizationEntity } from '../src/modules/organization/organization.entity';
import { ApiKeyEntity } from '../src/modules/api-key/api-key.entity';
import { RecordingsDeletionRequestEntity } from '../src/modules/privacy/recordings-deletion.entity';
import {
  CompleteRecordingsDeletion,
  OrganizationRecordingsDeletions,
  RequestRecordingsDeletion,
} from './support/privacy-documents';
import { API_KEY_SCOPES, type ApiKeyScope } from '../src/modules/api-key/scopes';
import {
  grantableScopes,
  isAllowed,
  OPERATIONS,
  POLICY,
  type OrganizationOperation,
} from '../src/modules/organization/policy';
import {
  CreateApiKey,
  OrganizationApiKeys,
  OrganizationName,
  RevokeApiKey,
  RollApiKey,
} from './support/api-key-documents';
import { ROLES, TeamMemberEntity, type Role } from '../src/modules/organization/team-member.entity';
import type { LocalDns } from './support/dns';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import {
  AddDomain,
  ChangeMemberRole,
  InviteTeamMember,
  LeaveOrganization,
  OrganizationDomains,
  OrganizationInvitations,
  OrganizationMembers,
  OrganizationSeats,
  RemoveDomain,
  RemoveTeamMember,
  ResendInvitation,
  RevokeInvitation,
  TransferOwnership,
  UpdateOrganization,
  VerifyDomain,
} from './support/organization-documents';
import {
  seedAccount,
  seedApiKey,
  seedOrganization,
  uniqueDomain,
  type SeededOrganization,
} from './support/organizations';
import { uniqueEmail, startTestServerWithDns } from './support/server';
import {
  OrganizationNotificationRules,
  SendNotification,
  SetLowBalanceThreshold,
  UpdateNotificationRules,
} from './support/notification-documents';
import {
  LowBalanceAlertEntity,
  NotificationSendEntity,
  OrganizationNotificationRuleEntity,
} from '../src/modules/notification/notification.entities';
import {
  CreateWebhookEndpoint,
  DeleteWebhookEndpoint,
  OrganizationWebhookEndpoints,
  PublishEvent,
  RecoverWebhookEndpoint,
  RedeliverWebhook,
  RevealWebhookSecret,
  RotateWebhookSecret,
  SendTestWebhook,
  UpdateWebhookEndpoint,
  WebhookDeliveries,
  WebhookEndpointById,
} from './support/webhook-documents';
import { seedFailedDelivery } from './support/webhook-seeds';
import {
  fetchAuditExport,
  OrganizationAuditEvents,
  type ExportResponse,
} from './support/audit-documents';
import { WebhookDeliveryEntity } from '../src/modules/webhook/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../src/modules/webhook/webhook-endpoint.entity';
import { WebhookEventEntity } from '../src/modules/webhook/webhook-event.entity';
import { InvoiceEntity } from '../src/modules/billing/invoice.entity';
import { WalletEntity } from '../src/modules/billing/wallet.entity';
import { UsageReportEntity } from '../src/modules/usage/usage-report.entity';
import {
  ChangePlan,
  OrganizationBilling,
  OrganizationUsage,
  ReportUsage,
  SetWalletBalance,
  UpsertInvoice,
} from './support/billing-documents';

/**
 * The authorization matrix, generated from the policy table: every organization operation of
 * the API, as each role, as a member of another organization, anonymously, and as API keys: one
 * per scope, one with every scope but the one needed, one of another organization. A refused
 * cell must leave the organization exactly as it was, an allowed mutation must change it (see
 * worldFor for which cells seed an organization of their own).
 */

let atrium: AtriumServer;
let dns: LocalDns;

beforeAll(async () => {
  ({ atrium, dns } = await startTestServerWithDns());
});

afterAll(async () => {
  await atrium.close();
});

interface World extends SeededOrganization {
  domain: string;
  /** A key the OWNER created, to list, roll and revoke. */
  apiKeyId: string;
  /** A pending request that recordings be deleted, for a service to complete. */
  recordingsRequestId: string;
  /** An endpoint the OWNER created (for an event nobody publishes), and a delivery that failed. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
}

interface ApiOperation {
  /** The GraphQL operation or field, as a caller knows it. */
  name: string;
  policy: OrganizationOperation;
  mutates: boolean;
  /** Scopes a key needs on the way to the operation (a field is reached through `organization`). */
  reach?: readonly ApiKeyScope[];
  /**
   * For API keys only, in the key's own organization (no organization argument): people are
   * FORBIDDEN, and a key of another organization acts there, leaving this one as it was.
   */
  inKeyOrganization?: true;
  run(world: World, caller: Actor): Promise<GraphQLResult<unknown>>;
}

const THROUGH_ORGANIZATION = ['ORGANIZATION_READ'] as const;

const API_OPERATIONS: ApiOperation[] = [
  {
    name: 'organization',
    policy: 'organization.view',
    mutates: false,
    run: (w, caller) => caller.execute(OrganizationName, { id: w.id }),
  },
  {
    name: 'Organization.members',
    policy: 'member.list',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationMembers, { id: w.id, first: 10 }),
  },
  {
    name: 'Organization.invitations',
    policy: 'member.list',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationInvitations, { id: w.id }),
  },
  {
    name: 'Organization.domains',
    policy: 'organization.view',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationDomains, { id: w.id }),
  },
  {
    name: 'Organization.seatsUsed',
    policy: 'organization.view',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationSeats, { id: w.id }),
  },
  {
    name: 'Organization.apiKeys',
    policy: 'apiKey.list',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationApiKeys, { id: w.id }),
  },
  {
    name: 'createApiKey',
    policy: 'apiKey.create',
    mutates: true,
    run: (w, caller) =>
      caller.execute(CreateApiKey, {
        input: { organizationId: w.id, name: 'Matrix', scopes: ['ORGANIZATION_READ'] },
      }),
  },
  {
    name: 'rollApiKey',
    policy: 'apiKey.roll',
    mutates: true,
    run: (w, caller) =>
      caller.execute(RollApiKey, { input: { id: w.apiKeyId, gracePeriodSeconds: 0 } }),
  },
  {
    name: 'revokeApiKey',
    policy: 'apiKey.revoke',
    mutates: true,
    run: (w, caller) => caller.execute(RevokeApiKey, { id: w.apiKeyId }),
  },
  {
    name: 'Organization.recordingsDeletionRequests',
    policy: 'recordings.requestDeletion',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationRecordingsDeletions, { id: w.id }),
  },
  {
    name: 'requestRecordingsDeletion',
    policy: 'recordings.requestDeletion',
    mutates: true,
    run: (w, caller) => caller.execute(RequestRecordingsDeletion, { organizationId: w.id }),
  },
  {
    name: 'completeRecordingsDeletion',
    policy: 'recordings.completeDeletion',
    mutates: true,
    run: (w, caller) => caller.execute(CompleteRecordingsDeletion, { id: w.recordingsRequestId }),
  },
  {
    name: 'Organization.webhookEndpoints',
    policy: 'webhook.list',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationWebhookEndpoints, { id: w.id }),
  },
  {
    name: 'webhookEndpoint',
    policy: 'webhook.list',
    mutates: false,
    run: (w, caller) => caller.execute(WebhookEndpointById, { id: w.webhookEndpointId }),
  },
  {
    name: 'WebhookEndpoint.deliveries',
    policy: 'webhook.list',
    mutates: false,
    run: (w, caller) => caller.execute(WebhookDeliveries, { id: w.webhookEndpointId }),
  },
  {
    name: 'createWebhookEndpoint',
    policy: 'webhook.create',
    mutates: true,
    run: (w, caller) =>
      caller.execute(CreateWebhookEndpoint, {
        input: {
          organizationId: w.id,
          url: 'https://hooks.example.com/created',
          eventTypes: ['contact.updated'],
        },
      }),
  },
  {
    name: 'updateWebhookEndpoint',
    policy: 'webhook.update',
    mutates: true,
    run: (w, caller) =>
      caller.execute(UpdateWebhookEndpoint, {
        id: w.webhookEndpointId,
        input: { description: 'Changed', enabled: false },
      }),
  },
  {
    name: 'deleteWebhookEndpoint',
    policy: 'webhook.delete',
    mutates: true,
    run: (w, caller) => caller.execute(DeleteWebhookEndpoint, { id: w.webhookEndpointId }),
  },
  {
    name: 'revealWebhookSecret',
    policy: 'webhook.revealSecret',
    mutates: false,
    run: (w, caller) => caller.execute(RevealWebhookSecret, { id: w.webhookEndpointId }),
  },
  {
    name: 'rotateWebhookSecret',
    policy: 'webhook.rotateSecret',
    mutates: true,
    run: (w, caller) => caller.execute(RotateWebhookSecret, { id: w.webhookEndpointId }),
  },
  {
    name: 'sendTestWebhook',
    policy: 'webhook.test',
    mutates: true,
    run: (w, caller) => caller.execute(SendTestWebhook, { id: w.webhookEndpointId }),
  },
  {
    name: 'redeliverWebhook',
    policy: 'webhook.redeliver',
    mutates: true,
    run: (w, caller) => caller.execute(RedeliverWebhook, { deliveryId: w.webhookDeliveryId }),
  },
  {
    name: 'recoverWebhookEndpoint',
    policy: 'webhook.recover',
    mutates: true,
    run: (w, caller) =>
      caller.execute(RecoverWebhookEndpoint, {
        id: w.webhookEndpointId,
        since: new Date(Date.now() - 3_600_000).toISOString(),
      }),
  },
  {
    name: 'publishEvent',
    policy: 'event.publish',
    mutates: true,
    inKeyOrganization: true,
    run: (_w, caller) =>
      caller.execute(PublishEvent, {
        input: { type: 'contact.updated', data: { contactId: 'ct_matrix' } },
      }),
  },
  {
    name: 'Organization.notificationRules',
    policy: 'notificationRules.view',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationNotificationRules, { id: w.id }),
  },
  {
    name: 'updateNotificationRules',
    policy: 'notificationRules.update',
    mutates: true,
    run: (w, caller) =>
      caller.execute(UpdateNotificationRules, {
        input: {
          organizationId: w.id,
          rules: [{ type: 'CAMPAIGN_STATUS', channel: 'EMAIL', enabled: true }],
        },
      }),
  },
  {
    name: 'setLowBalanceThreshold',
    policy: 'lowBalanceAlert.configure',
    mutates: true,
    run: (w, caller) =>
      caller.execute(SetLowBalanceThreshold, { input: { organizationId: w.id, threshold: 25 } }),
  },
  {
    name: 'sendNotification',
    policy: 'notification.send',
    mutates: true,
    run: (w, caller) =>
      caller.execute(SendNotification, {
        input: {
          accountId: w.people.target.accountId,
          type: 'SYSTEM_ALERT',
          title: 'Matrix',
          body: 'A notice from the matrix',
        },
      }),
  },
  {
    name: 'Organization.usage',
    policy: 'usage.view',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationUsage, { id: w.id }),
  },
  {
    // Both fields of one policy row in one document: the wallet and the invoices.
    name: 'Organization.walletBalance, Organization.invoices',
    policy: 'billing.view',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationBilling, { id: w.id }),
  },
  {
    name: 'changePlan',
    policy: 'plan.change',
    mutates: true,
    run: (w, caller) => caller.execute(ChangePlan, { organizationId: w.id, plan: 'DENTAL' }),
  },
  {
    name: 'reportUsage',
    policy: 'usage.report',
    mutates: true,
    inKeyOrganization: true,
    run: (_w, caller) =>
      caller.execute(ReportUsage, {
        input: { metric: 'MINUTES', quantity: 3, idempotencyKey: `matrix-${Math.random()}` },
      }),
  },
  {
    name: 'setWalletBalance',
    policy: 'billing.record',
    mutates: true,
    inKeyOrganization: true,
    run: (_w, caller) =>
      caller.execute(SetWalletBalance, { input: { amount: 42.5, currency: 'EUR' } }),
  },
  {
    name: 'upsertInvoice',
    policy: 'billing.record',
    mutates: true,
    inKeyOrganization: true,
    run: (_w, caller) =>
      caller.execute(UpsertInvoice, {
        input: {
          number: 'INV-MATRIX',
          periodStart: '2026-01-01T00:00:00.000Z',
          periodEnd: '2026-02-01T00:00:00.000Z',
          amount: 10,
          currency: 'EUR',
          status: 'OPEN',
        },
      }),
  },
  {
    name: 'updateOrganization',
    policy: 'organization.update',
    mutates: true,
    run: (w, caller) =>
      caller.execute(UpdateOrganization, {
        id: w.id,
        input: { name: 'Renamed', industry: 'DENTAL', website: 'https://renamed.example.com' },
      }),
  },
  {
    name: 'inviteTeamMember',
    policy: 'member.invite',
    mutates: true,
    run: (w, caller) =>
      caller.execute(InviteTeamMember, {
        input: { organizationId: w.id, email: uniqueEmail('invitee'), role: 'VIEWER' },
      }),
  },
  {
    name: 'resendInvitation',
    policy: 'invitation.resend',
    mutates: true,
    run: (w, caller) => caller.execute(ResendInvitation, { id: w.invitations.pending.id }),
  },
  {
    name: 'revokeInvitation',
    policy: 'invitation.revoke',
    mutates: true,
    run: (w, caller) => caller.execute(RevokeInvitation, { id: w.invitations.pending.id }),
  },
  {
    name: 'changeMemberRole',
    policy: 'member.changeRole',
    mutates: true,
    run: (w, caller) =>
      caller.execute(ChangeMemberRole, {
        input: { memberId: w.people.target.memberId, role: 'MEMBER' },
      }),
  },
  {
    name: 'removeTeamMember',
    policy: 'member.remove',
    mutates: true,
    run: (w, caller) => caller.execute(RemoveTeamMember, { memberId: w.people.target.memberId }),
  },
  {
    name: 'leaveOrganization',
    policy: 'organization.leave',
    mutates: true,
    run: (w, caller) => caller.execute(LeaveOrganization, { organizationId: w.id }),
  },
  {
    name: 'transferOwnership',
    policy: 'organization.transferOwnership',
    mutates: true,
    run: (w, caller) => caller.execute(TransferOwnership, { memberId: w.people.target.memberId }),
  },
  {
    name: 'Organization.auditEvents',
    policy: 'audit.read',
    mutates: false,
    reach: THROUGH_ORGANIZATION,
    run: (w, caller) => caller.execute(OrganizationAuditEvents, { id: w.id, first: 10 }),
  },
  {
    name: 'GET /audit-export',
    policy: 'audit.read',
    mutates: false,
    run: async (w, caller) =>
      asGraphQLResult(await fetchAuditExport(caller, { organizationId: w.id })),
  },
  {
    name: 'addDomain',
    policy: 'domain.add',
    mutates: true,
    run: (w, caller) =>
      caller.execute(AddDomain, { organizationId: w.id, domain: uniqueDomain('added') }),
  },
  {
    name: 'verifyDomain',
    policy: 'domain.verify',
    mutates: true,
    run: (w, caller) => caller.execute(VerifyDomain, { id: w.domains[w.domain].id }),
  },
  {
    name: 'removeDomain',
    policy: 'domain.remove',
    mutates: true,
    run: (w, caller) => caller.execute(RemoveDomain, { id: w.domains[w.domain].id }),
  },
];

/** An HTTP answer as the matrix reads GraphQL ones: an error's code, or data. */
function asGraphQLResult(response: ExportResponse): GraphQLResult<unknown> {
  if (response.status === 200) {
    return { status: 200, data: response.text, errors: undefined, headers: new Headers() };
  }
  const body = JSON.parse(response.text) as { errors: GraphQLResult<unknown>['errors'] };
  return { status: response.status, data: null, errors: body.errors, headers: new Headers() };
}

/**
 * Besides people by role: a key of this organization per scope (holding that scope and what
 * the operation's document passes through on the way), one with every scope but the one the
 * operation needs, and a key of another organization with every scope.
 */
type KeyCaller = `KEY:${ApiKeyScope}` | 'KEY_WITH_OTHER_SCOPES' | 'KEY_OF_OTHER_ORGANIZATION';
type Caller = Role | 'OTHER_ORGANIZATION' | 'ANONYMOUS' | KeyCaller;
const CALLERS: Caller[] = [
  ...ROLES,
  'OTHER_ORGANIZATION',
  'ANONYMOUS',
  ...API_KEY_SCOPES.map((scope): KeyCaller => `KEY:${scope}`),
  'KEY_WITH_OTHER_SCOPES',
  'KEY_OF_OTHER_ORGANIZATION',
];

const scopeOf = (caller: Caller): ApiKeyScope | null =>
  caller.startsWith('KEY:') ? (caller.slice('KEY:'.length) as ApiKeyScope) : null;

function expectedOutcome(operation: ApiOperation, caller: Caller): string {
  if (caller === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (operation.inKeyOrganization && caller === 'OTHER_ORGANIZATION') return 'FORBIDDEN';
  if (operation.inKeyOrganization && caller === 'KEY_OF_OTHER_ORGANIZATION') return 'OK';
  // An operation no role may do is for API keys: a person, member or not, is FORBIDDEN.
  const forPeople = POLICY[operation.policy].roles.some(Boolean);
  if (!forPeople && !caller.startsWith('KEY')) return 'FORBIDDEN';
  if (caller === 'OTHER_ORGANIZATION' || caller === 'KEY_OF_OTHER_ORGANIZATION') return 'NOT_FOUND';
  if (caller === 'KEY_WITH_OTHER_SCOPES') return 'FORBIDDEN';
  const needed = POLICY[operation.policy].scope;
  const scope = scopeOf(caller);
  if (scope) {
    const held = [scope, ...(operation.reach ?? [])];
    return needed && held.includes(needed) ? 'OK' : 'FORBIDDEN';
  }
  return isAllowed(caller as Role, operation.policy) ? 'OK' : 'FORBIDDEN';
}

/**
 * An organization of the cell's own: every role, a VIEWER to act on, an invitation, a domain,
 * and a key the OWNER created.
 */
async function seedWorld(): Promise<World> {
  const domain = uniqueDomain('claimed');
  const world = await seedOrganization(atrium)
    .everyRole()
    .member('target', 'VIEWER')
    .invitation('pending', 'VIEWER')
    .domain(domain)
    .build();
  dns.publish(world.domains[domain].record.name, world.domains[domain].record.value);
  const { apiKey } = await createKey(world, ['MEMBERS_READ']);
  const recordings = await world.people.OWNER.actor.run(RequestRecordingsDeletion, {
    organizationId: world.id,
  });
  const { createWebhookEndpoint } = await world.people.OWNER.actor.run(CreateWebhookEndpoint, {
    input: {
      organizationId: world.id,
      url: 'https://hooks.example.com/matrix',
      eventTypes: ['contact.updated'],
    },
  });
  const webhookEndpointId = createWebhookEndpoint.endpoint.id;
  const webhookDeliveryId = await seedFailedDelivery(atrium, world.id, webhookEndpointId);
  return {
    ...world,
    domain,
    apiKeyId: apiKey.id,
    webhookEndpointId,
    webhookDeliveryId,
    recordingsRequestId: recordings.requestRecordingsDeletion.id,
  };
}

/**
 * A key as the API issues it (createApiKey by the OWNER); scopes nobody may grant yet are
 * written straight to the database, as a key of the future would hold them.
 */
async function createKey(
  world: SeededOrganization,
  scopes: readonly ApiKeyScope[],
): Promise<{ apiKey: { id: string }; actor: Actor }> {
  const grantable = grantableScopes('OWNER');
  if (!scopes.every((scope) => grantable.includes(scope))) {
    const seeded = await seedApiKey(atrium, world.id, scopes);
    return { apiKey: { id: seeded.id }, actor: seeded.actor };
  }
  const created = await world.people.OWNER.actor.run(CreateApiKey, {
    input: { organizationId: world.id, name: 'Caller', scopes: [...scopes] },
  });
  return {
    apiKey: created.createApiKey.apiKey,
    actor: new Actor(atrium.url).withToken(created.createApiKey.secret),
  };
}

/**
 * The world a cell runs in. A cell whose caller may change the organization gets a world of its
 * own; every other cell (reads, refusals) shares one, since each of them checks that it changed
 * nothing: a refusal that wrote something fails its own cell, whatever it leaves behind.
 */
let sharedWorld: Promise<World> | undefined;
function worldFor(operation: ApiOperation, expected: string): Promise<World> {
  if (expected === 'OK' && operation.mutates) return seedWorld();
  sharedWorld ??= seedWorld();
  return sharedWorld;
}

/** Callers made once per world and kind: keys by their scopes, the outsiders. */
const callers = new Map<string, Promise<Actor>>();
function once(world: World, kind: string, make: () => Promise<Actor>): Promise<Actor> {
  const key = `${world.id} ${kind}`;
  if (!callers.has(key)) callers.set(key, make());
  return callers.get(key)!;
}

function keyCaller(world: World, scopes: readonly ApiKeyScope[]): Promise<Actor> {
  const held = [...new Set(scopes)].sort();
  return once(world, `key ${held.join(',')}`, async () => (await createKey(world, held)).actor);
}

async function callerIn(world: World, caller: Caller, operation: ApiOperation): Promise<Actor> {
  if (caller === 'ANONYMOUS') return new Actor(atrium.url);
  if (caller === 'OTHER_ORGANIZATION') {
    return once(world, caller, async () => (await seedAccount(atrium, 'outsider')).actor);
  }
  const needed = POLICY[operation.policy].scope;
  const scope = scopeOf(caller);
  if (scope) return keyCaller(world, [scope, ...(operation.reach ?? [])]);
  if (caller === 'KEY_WITH_OTHER_SCOPES') {
    return keyCaller(
      world,
      API_KEY_SCOPES.filter((other) => other !== needed),
    );
  }
  if (caller === 'KEY_OF_OTHER_ORGANIZATION') {
    return once(world, caller, async () => {
      const other = await seedOrganization(atrium).build();
      return (await seedApiKey(atrium, other.id, API_KEY_SCOPES)).actor;
    });
  }
  return world.people[caller].actor;
}

/** Everything an organization operation can change, to compare before and after. */
async function snapshot(organizationId: string): Promise<string> {
  const { manager } = atrium.dataSource;
  const order = { id: 'ASC' } as const;
  return JSON.stringify([
    await manager.findOneBy(OrganizationEntity, { id: organizationId }),
    await manager.find(TeamMemberEntity, { where: { organizationId }, order }),
    await manager.find(InvitationEntity, { where: { organizationId }, order }),
    await manager.find(DomainEntity, { where: { organizationId }, order }),
    // Without when and where each key was last used: the key callers' own use changes that.
    await manager.find(ApiKeyEntity, {
      where: { organizationId },
      order,
      select: {
        id: true,
        name: true,
        prefix: true,
        secretHash: true,
        previousSecretHash: true,
        scopes: true,
        expiresAt: true,
        revokedAt: true,
      },
    }),
    await manager.find(RecordingsDeletionRequestEntity, { where: { organizationId }, order }),
    await manager.find(WebhookEndpointEntity, {
      where: { organizationId },
      order,
      select: {
        id: true,
        url: true,
        description: true,
        eventTypes: true,
        enabled: true,
        secretSealed: true,
      },
    }),
    await manager.find(WebhookEventEntity, {
      where: { organizationId },
      order,
      select: { id: true },
    }),
    await manager
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoin(WebhookEndpointEntity, 'e', 'e.id = d.endpoint_id')
      .where('e.organization_id = :organizationId', { organizationId })
      // With the attempts: a redelivery may have run (and failed again) before this is read.
      .select(['d.id', 'd.status', 'd.attemptCount'])
      .orderBy('d.id')
      .getMany(),
    await manager.find(OrganizationNotificationRuleEntity, {
      where: { organizationId },
      order: { type: 'ASC', channel: 'ASC' },
    }),
    await manager.find(LowBalanceAlertEntity, {
      where: { organizationId },
      order: { accountId: 'ASC' },
    }),
    await manager.find(NotificationSendEntity, { where: { organizationId }, order }),
    // Reports, not counters: every request a key makes is metered into the counters.
    await manager.find(UsageReportEntity, { where: { organizationId }, order }),
    await manager.find(WalletEntity, { where: { organizationId } }),
    await manager.find(InvoiceEntity, { where: { organizationId }, order }),
  ]);
}

it('covers every operation of the policy table', () => {
  expect(new Set(API_OPERATIONS.map((operation) => operation.policy))).toEqual(new Set(OPERATIONS));
});

describe.each(API_OPERATIONS)('$name', (operation) => {
  it.each(CALLERS.map((caller) => [caller, expectedOutcome(operation, caller)]))(
    'as %s → %s',
    async (caller, expected) => {
      const world = await worldFor(operation, expected);
      const actor = await callerIn(world, caller as Caller, operation);
      const before = await snapshot(world.id);
      const result = await operation.run(world, actor);
      const outcome = result.errors ? errorCode(result) : 'OK';
      expect({ outcome, errors: outcome === expected ? undefined : result.errors }).toEqual({
        outcome: expected,
        errors: undefined,
      });
      const after = await snapshot(world.id);
      const elsewhere = operation.inKeyOrganization && caller === 'KEY_OF_OTHER_ORGANIZATION';
      if (expected === 'OK' && operation.mutates && !elsewhere) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
    },
  );
});
