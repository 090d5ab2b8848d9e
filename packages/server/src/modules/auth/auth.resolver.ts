import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { clearSessionCookie, serializeSessionCookie } from '../../http/cookies';
import { CompleteMfaChallengeInput, ReauthenticateInput } from '../mfa/mfa.types';
import type { SessionEntity } from '../session/session.entity';
import { Session } from '../session/session.type';
import { AuthPayload, LogInInput, LogInResult, MfaChallenge, SignUpInput } from './auth.types';
import { deliverSession } from './deliver-session';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Creates an account, its own organization and a session',
  })
  async signUp(@Arg('input') input: SignUpInput, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    const locale = /^es\b/i.test(ctx.acceptLanguage ?? '') ? 'es' : 'en';
    const signedIn = await ctx.services.auth.signUp(input, ctx.caller, locale);
    return deliverSession(signedIn, input.issueToken, ctx);
  }

  @Mutation(() => LogInResult)
  async logIn(
    @Arg('input') input: LogInInput,
    @Ctx() ctx: AppContext,
  ): Promise<typeof LogInResult> {
    const result = await ctx.services.auth.logIn(input, ctx.caller);
    if ('challengeId' in result) return Object.assign(new MfaChallenge(), result);
    return deliverSession(result, input.issueToken, ctx);
  }

  @Mutation(() => AuthPayload, {
    description: 'The second step of a log-in with MFA: a TOTP or a backup code',
  })
  async completeMfaChallenge(
    @Arg('input') input: CompleteMfaChallengeInput,
    @Ctx() ctx: AppContext,
  ): Promise<AuthPayload> {
    const signedIn = await ctx.services.auth.completeMfaChallenge(
      input.challengeId,
      input.code,
      ctx.caller,
    );
    return deliverSession(signedIn, input.issueToken, ctx);
  }

  @Authorized()
  @Mutation(() => Session, {
    description:
      'Confirms the password (or a TOTP code, or a passkey) for sensitive changes in the next 10 minutes',
  })
  async reauthenticate(
    @Arg('input') input: ReauthenticateInput,
    @Ctx() ctx: AppContext,
  ): Promise<SessionEntity> {
    const person = requirePerson(ctx.caller);
    const { account, session } = person;
    // Browsers get a new token in a new cookie; a tool's bearer token cannot be swapped under it.
    const rotateToken = ctx.authVia === 'cookie';
    const renewed = await ctx.services.auth.reauthenticate(
      account,
      session,
      { password: input.password, code: input.code, passkey: input.passkey?.value },
      rotateToken,
    );
    if (renewed.token) {
      ctx.cookies.set(
        serializeSessionCookie(ctx.services.cookiePolicy, renewed.token, session.absoluteExpiresAt),
      );
    }
    ctx.caller = { ...person, session: renewed.session };
    return renewed.session;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session; true when one was ended' })
  async logOut(@Ctx() ctx: AppContext): Promise<boolean> {
    ctx.cookies.set(clearSessionCookie(ctx.services.cookiePolicy));
    if (ctx.caller.kind !== 'PERSON') return false;
    return ctx.services.sessions.logOut(ctx.caller);
  }
}
