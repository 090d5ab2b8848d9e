import { readCookie } from '../http/cookies';
import { looksLikeApiKey } from '../modules/api-key/api-key-secret';
import type { Services } from '../core/module';
import { anonymous, type Caller, type ClientInfo } from './caller';

/** What a request or a WebSocket connection presents. */
export interface Credentials {
  /** `Authorization` header, or graphql-ws `connectionParams.authorization`. */
  authorization?: string | null;
  cookieHeader?: string | null;
}

export interface AuthenticationResult {
  caller: Caller;
  /** How the caller presented the credential: a browser's cookie or a tool's bearer token. */
  via: 'cookie' | 'bearer' | null;
  /** A credential was presented but is unknown, revoked or expired. */
  rejected: boolean;
}

/**
 * The one place a caller is authenticated, for HTTP requests and WebSocket connections alike.
 * Each strategy yields a caller: a bearer API key, a bearer session token, or the session
 * cookie (a bearer wins over the cookie).
 */
export async function authenticate(
  services: Services,
  credentials: Credentials,
  client: ClientInfo,
): Promise<AuthenticationResult> {
  const bearer = bearerToken(credentials.authorization);
  if (bearer && looksLikeApiKey(bearer)) {
    const apiKey = await services.apiKeyAuthenticator.authenticate(bearer, client);
    return apiKey
      ? { caller: { kind: 'API_KEY', apiKey, client }, via: 'bearer', rejected: false }
      : { caller: anonymous(client), via: null, rejected: true };
  }
  const token =
    bearer ?? readCookie(credentials.cookieHeader ?? undefined, services.cookiePolicy.name);
  if (!token) return { caller: anonymous(client), via: null, rejected: false };
  const auth = await services.sessions.authenticate(token);
  if (!auth) return { caller: anonymous(client), via: null, rejected: true };
  return {
    caller: { kind: 'PERSON', account: auth.account, session: auth.session, client },
    via: bearer ? 'bearer' : 'cookie',
    rejected: false,
  };
}

function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
