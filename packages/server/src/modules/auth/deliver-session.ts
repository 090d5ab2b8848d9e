import type { AppContext } from '../../graphql/context';
import { serializeSessionCookie } from '../../http/cookies';
import type { SignedIn } from './auth.service';
import type { AuthPayload } from './auth.types';

/** Browsers get the token as an HttpOnly cookie only; tools that asked get it in the body. */
export function deliverSession(
  signedIn: SignedIn,
  issueToken: boolean,
  ctx: AppContext,
): AuthPayload {
  const { account, session, token } = signedIn;
  // What the rest of this operation sees: the person who just signed in.
  ctx.caller = { kind: 'PERSON', account, session, client: ctx.client };
  if (issueToken) return { account, session, token };
  ctx.cookies.set(
    serializeSessionCookie(ctx.services.cookiePolicy, token, session.absoluteExpiresAt),
  );
  return { account, session, token: null };
}
