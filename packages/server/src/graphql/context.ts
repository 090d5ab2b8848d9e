import type { Logger } from 'pino';
import { authenticate, type Credentials } from '../caller/authenticate';
import type { Caller, ClientInfo } from '../caller/caller';
import type { Services } from '../core/module';

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
  /** Who the operation acts for: a person, an API key, or nobody. */
  caller: Caller;
  /** Same as `caller.client`: where the request came from. */
  client: ClientInfo;
  acceptLanguage: string | null;
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

export interface ContextInput {
  requestId: string;
  credentials: Credentials;
  client: ClientInfo;
  acceptLanguage: string | null;
  cookies: ResponseCookies;
  /** Made on first use: most operations never log. */
  log: () => Logger;
  connection?: LiveConnection;
}

/**
 * The one context factory, for an HTTP request and a graphql-ws operation alike: it
 * authenticates the credentials and says whether a presented one was refused.
 */
export async function createContext(
  services: Services,
  input: ContextInput,
): Promise<{ context: AppContext; rejected: boolean }> {
  const { caller, via, rejected } = await authenticate(services, input.credentials, input.client);
  return { context: new RequestContext(services, input, caller, via), rejected };
}

/**
 * The request's logger is made on first use, by a getter on the prototype: Apollo copies the
 * context with `Object.assign` onto an object of the same prototype, which copies own fields
 * (firing own getters) but leaves the prototype's alone, so the copy still makes it lazily.
 */
class RequestContext implements AppContext {
  readonly requestId: string;
  readonly client: ClientInfo;
  readonly acceptLanguage: string | null;
  readonly cookies: ResponseCookies;
  readonly connection?: LiveConnection;
  private logger: Logger | undefined = undefined;
  private readonly makeLogger: () => Logger;

  constructor(
    readonly services: Services,
    input: ContextInput,
    readonly caller: Caller,
    readonly authVia: 'cookie' | 'bearer' | null,
  ) {
    this.requestId = input.requestId;
    this.client = input.client;
    this.acceptLanguage = input.acceptLanguage;
    this.cookies = input.cookies;
    this.makeLogger = input.log;
    if (input.connection) this.connection = input.connection;
  }

  get log(): Logger {
    this.logger ??= this.makeLogger();
    return this.logger;
  }
}
