import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';
import { AuthPayload } from '../auth/auth.types';
import { deliverSession } from '../auth/deliver-session';
import type { PasskeyEntity } from './passkey.entity';
import {
  CompletePasskeySignInInput,
  FinishPasskeyRegistrationInput,
  Passkey,
  PasskeyKind,
  PasskeySignInOptions,
  RenamePasskeyInput,
} from './passkey.types';

@Resolver(() => Passkey)
export class PasskeyResolver {
  @FieldResolver(() => PasskeyKind)
  kind(@Root() passkey: PasskeyEntity): PasskeyKind {
    return passkey.deviceType === 'multiDevice' ? PasskeyKind.SYNCED : PasskeyKind.DEVICE_BOUND;
  }

  @Authorized()
  @Query(() => [Passkey], { description: 'My passkeys, oldest first' })
  myPasskeys(@Ctx() ctx: AppContext): Promise<PasskeyEntity[]> {
    return ctx.services.passkeys.list(requirePerson(ctx.caller).account.id);
  }

  @Authorized()
  @Mutation(() => JSONObjectScalar, {
    description:
      'PublicKeyCredentialCreationOptionsJSON for navigator.credentials.create; needs a recent re-authentication',
  })
  startPasskeyRegistration(
    @Ctx() ctx: AppContext,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return ctx.services.passkeys.startRegistration(requirePerson(ctx.caller));
  }

  @Authorized()
  @Mutation(() => Passkey, {
    description: 'Keeps the passkey the browser made for startPasskeyRegistration’s challenge',
  })
  finishPasskeyRegistration(
    @Arg('input') input: FinishPasskeyRegistrationInput,
    @Ctx() ctx: AppContext,
  ): Promise<PasskeyEntity> {
    return ctx.services.passkeys.finishRegistration(
      requirePerson(ctx.caller),
      input.response.value,
      input.name,
    );
  }

  @Authorized()
  @Mutation(() => Passkey)
  renamePasskey(
    @Arg('input') input: RenamePasskeyInput,
    @Ctx() ctx: AppContext,
  ): Promise<PasskeyEntity> {
    return ctx.services.passkeys.rename(requirePerson(ctx.caller), input.id, input.name);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Needs a recent re-authentication' })
  async removePasskey(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.passkeys.remove(requirePerson(ctx.caller), id);
    return true;
  }

  @Mutation(() => PasskeySignInOptions, {
    description: 'Starts a log-in with a passkey (a button, or the browser’s autofill)',
  })
  async startPasskeySignIn(@Ctx() ctx: AppContext): Promise<PasskeySignInOptions> {
    const { attemptId, options } = await ctx.services.passkeyAssertions.startSignIn(ctx.caller);
    return { attemptId, options: { ...options } };
  }

  @Mutation(() => AuthPayload, {
    description: 'Signs in with the passkey that answered the attempt’s challenge: no password',
  })
  async completePasskeySignIn(
    @Arg('input') input: CompletePasskeySignInInput,
    @Ctx() ctx: AppContext,
  ): Promise<AuthPayload> {
    const signedIn = await ctx.services.auth.signInWithPasskey(
      input.attemptId,
      input.response.value,
      ctx.caller,
    );
    return deliverSession(signedIn, input.issueToken, ctx);
  }

  @Authorized()
  @Mutation(() => JSONObjectScalar, {
    description:
      'PublicKeyCredentialRequestOptionsJSON to confirm it’s you with a passkey: answer with reauthenticate(input: {passkey})',
  })
  async startPasskeyReauthentication(@Ctx() ctx: AppContext): Promise<Record<string, unknown>> {
    return {
      ...(await ctx.services.passkeyAssertions.startReauthentication(requirePerson(ctx.caller))),
    };
  }
}
