import { fail } from '../graphql/errors';
import type { AccountEntity } from '../modules/account/account.entity';
import type { ApiKeyScope } from '../modules/api-key/scopes';
import type { SessionPrincipal } from '../modules/session/session.entity';

/** Where a request came from, as far as the server can tell. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A signed-in person: the account and the session (with its MFA level and last re-authentication). */
export interface PersonCaller {
  readonly kind: 'PERSON';
  readonly account: AccountEntity;
  readonly session: SessionPrincipal;
  readonly client: ClientInfo;
}

/** What a request made with an API key may do, and for which organization. */
export interface ApiKeyPrincipal {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}

/** A tool holding an organization's API key: no account, no session. */
export interface ApiKeyCaller {
  readonly kind: 'API_KEY';
  readonly apiKey: ApiKeyPrincipal;
  readonly client: ClientInfo;
}

export interface AnonymousCaller {
  readonly kind: 'ANONYMOUS';
  readonly client: ClientInfo;
}

/** Whoever a request or a WebSocket operation acts for; services take this one shape. */
export type Caller = PersonCaller | ApiKeyCaller | AnonymousCaller;

export const anonymous = (client: ClientInfo): AnonymousCaller => ({ kind: 'ANONYMOUS', client });

/**
 * The person behind the request, for operations only a person can do: anonymous callers are
 * UNAUTHENTICATED, API keys FORBIDDEN.
 */
export function requirePerson(caller: Caller): PersonCaller {
  if (caller.kind === 'PERSON') return caller;
  if (caller.kind === 'API_KEY') {
    throw fail('PERSON_REQUIRED');
  }
  throw fail('SIGN_IN_REQUIRED');
}

/**
 * The API key behind the request, for operations only tools do (sending notifications):
 * anonymous callers are UNAUTHENTICATED, people FORBIDDEN.
 */
export function requireApiKey(caller: Caller): ApiKeyCaller {
  if (caller.kind === 'API_KEY') return caller;
  if (caller.kind === 'PERSON') throw fail('API_KEY_REQUIRED');
  throw fail('SIGN_IN_REQUIRED');
}

/** A person or an API key; anonymous callers are UNAUTHENTICATED. */
export function requireKnownCaller(caller: Caller): PersonCaller | ApiKeyCaller {
  if (caller.kind === 'ANONYMOUS') throw fail('SIGN_IN_REQUIRED');
  return caller;
}

/** The account of a person caller, or null (anonymous, API key). */
export function accountOf(caller: Caller): AccountEntity | null {
  return caller.kind === 'PERSON' ? caller.account : null;
}

/**
 * One key per caller, for what is counted per caller (sockets, mails sent): the account, the
 * API key, or the client address of an anonymous caller.
 */
export function callerKey(caller: Caller): string {
  if (caller.kind === 'PERSON') return caller.account.id;
  if (caller.kind === 'API_KEY') return `key:${caller.apiKey.id}`;
  return `ip:${caller.client.ip ?? 'unknown'}`;
}
