import { unauthenticated } from './errors';
import type { Logger } from 'pino';
import type { Authenticated, ClientInfo } from '../modules/session/session.service';
import type { Services } from '../services';

/**
 * What the transport lets a resolver do to the response: HTTP sets cookies; a WebSocket
 * operation cannot, so it gets a sink that ignores them.
 */
export interface ResponseCookies {
  set(cookie: string): void;
}

export const NO_COOKIES: ResponseCookies = { set: () => undefined };

export interface AppContext {
  requestId: string;
  client: ClientInfo;
  acceptLanguage: string | null;
  /** The signed-in account and the session it signed in with; null for anonymous callers. */
  auth: Authenticated | null;
  authVia: 'cookie' | 'bearer' | null;
  cookies: ResponseCookies;
  services: Services;
  log: Logger;
  /** Set for graphql-ws operations: the socket the operation arrived on. */
  connection?: LiveConnection;
}

export interface LiveConnection {
  /** Closes the socket with 4403 once the message being delivered now has been sent. */
  closeAfterDelivery(): void;
}

export interface Credentials {
  /** `Authorization` header, or graphql-ws `connectionParams.authorization`. */
  authorization?: string | null;
  cookieHeader?: string | null;
}

/** The signed-in caller, for resolvers already guarded by `@Authorized()`. */
export function requireAuth(ctx: AppContext): Authenticated {
  if (!ctx.auth) throw unauthenticated();
  return ctx.auth;
}
