import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { clearSessionCookie, serializeSessionCookie } from '../../http/cookies';
import { AuthPayload, LogInInput, LogInResult, SignUpInput } from './auth.types';
import type { SignedIn } from './auth.service';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Creates an account, its own organization and a session',
  })
  async signUp(@Arg('input') input: SignUpInput, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    const locale = /^es\b/i.test(ctx.acceptLanguage ?? '') ? 'es' : 'en';
    const signedIn = await ctx.services.auth.signUp(input, ctx.client, locale);
    return deliverSession(signedIn, input.issueToken, ctx);
  }

  @Mutation(() => LogInResult)
  async logIn(
    @Arg('input') input: LogInInput,
    @Ctx() ctx: AppContext,
  ): Promise<typeof LogInResult> {
    const signedIn = await ctx.services.auth.logIn(input, ctx.client);
    return deliverSession(signedIn, input.issueToken, ctx);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session; true when one was ended' })
  async logOut(@Ctx() ctx: AppContext): Promise<boolean> {
    ctx.cookies.set(clearSessionCookie(ctx.services.cookiePolicy));
    if (!ctx.auth) return false;
    return ctx.services.sessions.revoke(ctx.auth.session.id, 'LOGOUT');
  }
}

/** Browsers get the token as an HttpOnly cookie only; tools that asked get it in the body. */
function deliverSession(signedIn: SignedIn, issueToken: boolean, ctx: AppContext): AuthPayload {
  const { account, session, token } = signedIn;
  ctx.auth = { account, session };
  if (issueToken) return { account, session, token };
  ctx.cookies.set(
    serializeSessionCookie(ctx.services.cookiePolicy, token, session.absoluteExpiresAt),
  );
  return { account, session, token: null };
}
