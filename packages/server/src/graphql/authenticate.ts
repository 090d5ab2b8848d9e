import { readCookie } from '../http/cookies';
import type { Authenticated } from '../modules/session/session.service';
import type { Services } from '../services';
import type { Credentials } from './context';

export interface AuthenticationResult {
  auth: Authenticated | null;
  /** How the caller presented the session: a browser's cookie or a tool's bearer token. */
  via: 'cookie' | 'bearer' | null;
  /** A token was presented but is unknown, revoked or expired. */
  rejected: boolean;
}

/**
 * The one place a caller is authenticated, for HTTP requests and WebSocket connections alike:
 * a bearer token wins over the session cookie.
 */
export async function authenticate(
  services: Services,
  credentials: Credentials,
): Promise<AuthenticationResult> {
  const bearer = bearerToken(credentials.authorization);
  const token =
    bearer ?? readCookie(credentials.cookieHeader ?? undefined, services.cookiePolicy.name);
  if (!token) return { auth: null, via: null, rejected: false };
  const auth = await services.sessions.authenticate(token);
  return { auth, via: auth ? (bearer ? 'bearer' : 'cookie') : null, rejected: auth === null };
}

function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
