import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import {
  AccountStatus,
  MeDocument,
  MySecurityEventsDocument,
  MyOrganizationsDocument,
  MySessionsDocument,
  type AccountFieldsFragment,
  type MeQuery,
  type MeQueryVariables,
  type MySecurityEventsQuery,
  type MySecurityEventsQueryVariables,
  type MyOrganizationsQuery,
  type MyOrganizationsQueryVariables,
  type MySessionsQuery,
  type MySessionsQueryVariables,
  type SessionEventsSubscription,
  UnreadNotificationCountDocument,
  type UnreadNotificationCountQuery,
  type UnreadNotificationCountQueryVariables,
  MyPasskeysDocument,
  type MyPasskeysQuery,
  type MyPasskeysQueryVariables,
  type PasskeyFieldsFragment,
  type Role,
  type SessionEventType,
  type SessionFieldsFragment,
} from '../generated/graphql';

type SecurityEventNode = MySecurityEventsQuery['mySecurityEvents']['edges'][number]['node'];

interface PageOptions {
  first?: number;
  after?: string | null;
  hasNextPage?: boolean;
  /**
   * How many asks it answers. The timeline asks again after every change the person makes,
   * so by default it answers the same for a while; a test of those refreshes says 1.
   */
  maxUsageCount?: number;
}

export function anAccount(overrides: Partial<AccountFieldsFragment> = {}): AccountFieldsFragment {
  return {
    __typename: 'Account',
    id: 'acc_1',
    email: 'ada@example.com',
    emailVerified: true,
    pendingEmail: null,
    fullName: 'Ada Lovelace',
    username: null,
    phone: null,
    avatarUrl: null,
    timezone: 'Europe/London',
    locale: 'en',
    country: 'GB',
    mfaEnabled: false,
    mfaMethods: [],
    defaultMfaMethod: null,
    remainingBackupCodes: 0,
    status: AccountStatus.ACTIVE,
    deletionScheduledFor: null,
    ...overrides,
  };
}

/** The `me` query answered as the server does for a signed-in (or signed-out) visitor. */
export function meMock(
  me: AccountFieldsFragment | null,
): MockLink.MockedResponse<MeQuery, MeQueryVariables> {
  return { request: { query: MeDocument }, result: { data: { me } } };
}

/** An error answer shaped like the server's (`extensions.code`, `extensions.fields`…). */
export function errorResult(message: string, extensions: Record<string, unknown>) {
  return { errors: [new GraphQLError(message, { extensions })] };
}

export function aSession(overrides: Partial<SessionFieldsFragment> = {}): SessionFieldsFragment {
  return {
    __typename: 'Session',
    id: 'ses_this',
    current: true,
    createdAt: '2025-03-01T09:00:00.000Z',
    lastActiveAt: '2025-03-10T14:05:00.000Z',
    expiresAt: '2025-04-09T14:05:00.000Z',
    deviceType: 'desktop',
    browser: 'Firefox 133',
    os: 'macOS 15',
    ipAddress: '203.0.113.7',
    location: 'London, GB',
    revokedAt: null,
    ...overrides,
  };
}

export function myPasskeysMock(
  passkeys: PasskeyFieldsFragment[],
): MockLink.MockedResponse<MyPasskeysQuery, MyPasskeysQueryVariables> {
  return {
    maxUsageCount: 10,
    request: { query: MyPasskeysDocument },
    result: { data: { myPasskeys: passkeys } },
  };
}

export function aPasskey(overrides: Partial<PasskeyFieldsFragment> = {}): PasskeyFieldsFragment {
  return {
    __typename: 'Passkey',
    id: 'pk_1',
    name: 'Chrome 131 · macOS 15',
    createdAt: '2025-03-01T09:00:00.000Z',
    lastUsedAt: null,
    kind: 'SYNCED',
    backedUp: true,
    ...overrides,
  };
}

export function mySessionsMock(
  sessions: SessionFieldsFragment[],
): MockLink.MockedResponse<MySessionsQuery, MySessionsQueryVariables> {
  return { request: { query: MySessionsDocument }, result: { data: { mySessions: sessions } } };
}

/** A `sessionEvents` message as the server pushes it. */
export function sessionEvent(
  type: SessionEventType,
  session: SessionFieldsFragment,
): SessionEventsSubscription {
  return { sessionEvents: { __typename: 'SessionEvent', type, session } };
}

export function aSecurityEvent(overrides: Partial<SecurityEventNode> = {}): SecurityEventNode {
  return {
    __typename: 'SecurityEvent',
    id: 'evt_1',
    type: 'SIGN_IN',
    createdAt: '2025-03-10T14:05:00.000Z',
    ipAddress: '203.0.113.7',
    location: 'London, GB',
    device: 'Firefox 133 · macOS 15',
    targetDevice: null,
    method: null,
    newDevice: false,
    ...overrides,
  };
}

/** One page of `mySecurityEvents`, as the server answers `first`/`after`. */
export function mySecurityEventsMock(
  events: SecurityEventNode[],
  { first = 20, after = null, hasNextPage = false, maxUsageCount = 10 }: PageOptions = {},
): MockLink.MockedResponse<MySecurityEventsQuery, MySecurityEventsQueryVariables> {
  const last = events[events.length - 1];
  return {
    maxUsageCount,
    request: {
      query: MySecurityEventsDocument,
      variables: after ? { first, after } : { first },
    },
    result: {
      data: {
        mySecurityEvents: {
          __typename: 'SecurityEventConnection',
          edges: events.map((node) => ({ __typename: 'SecurityEventEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: last ? last.id : null },
        },
      },
    },
  };
}

/** `myOrganizations` as the organization switcher and the redirects ask for it. */
export function myOrganizationsMock(
  organizations: ReadonlyArray<{ id: string; name: string; myRole: Role }>,
): MockLink.MockedResponse<MyOrganizationsQuery, MyOrganizationsQueryVariables> {
  return {
    request: { query: MyOrganizationsDocument },
    result: {
      data: {
        myOrganizations: organizations.map((org) => ({ __typename: 'Organization', ...org })),
      },
    },
  };
}

/** The bell's unread count, as the shell asks for it on every signed-in page. */
export function unreadCountMock(
  count: number,
): MockLink.MockedResponse<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables> {
  return {
    request: { query: UnreadNotificationCountDocument },
    result: { data: { unreadNotificationCount: count } },
  };
}
