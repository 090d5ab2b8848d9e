import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AccountEntity } from '../account/account.entity';
import { Account } from '../account/account.type';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { defaultMethodOf, MfaMethod, mfaMethodsOf } from './mfa-methods';
import { BackupCodes, MfaSmsCodeSent, TotpEnrollment } from './mfa.types';

@Resolver(() => Account)
export class MfaResolver {
  @FieldResolver(() => Int, {
    description: 'Backup codes not used yet (each works once); 0 while MFA is off',
  })
  remainingBackupCodes(@Root() account: AccountEntity, @Ctx() ctx: AppContext): Promise<number> {
    return ctx.services.mfaSettings.remainingBackupCodes(account);
  }

  @FieldResolver(() => [MfaMethod], {
    description:
      'The second factors set up: PASSKEY (any passkey), TOTP, SMS; MFA is on while TOTP or SMS is',
  })
  async mfaMethods(@Root() account: AccountEntity, @Ctx() ctx: AppContext): Promise<MfaMethod[]> {
    return mfaMethodsOf(account, await ctx.services.passkeys.count(account.id));
  }

  @FieldResolver(() => MfaMethod, {
    nullable: true,
    description: 'What the log-in’s second step offers first; null while MFA is off',
  })
  async defaultMfaMethod(
    @Root() account: AccountEntity,
    @Ctx() ctx: AppContext,
  ): Promise<MfaMethod | null> {
    if (!account.mfaEnabled) return null;
    return defaultMethodOf(
      account,
      mfaMethodsOf(account, await ctx.services.passkeys.count(account.id)),
    );
  }

  @Authorized()
  @Mutation(() => TotpEnrollment, {
    description: 'Starts (or restarts) TOTP set-up; needs a recent re-authentication',
  })
  startTotpEnrollment(@Ctx() ctx: AppContext): Promise<TotpEnrollment> {
    return ctx.services.mfaSettings.startEnrollment(requirePerson(ctx.caller));
  }

  @Authorized()
  @Mutation(() => BackupCodes, {
    description:
      'Turns the app on with a code from it; when this turns MFA on, returns 10 backup codes, shown once',
  })
  async confirmTotpEnrollment(
    @Arg('code') code: string,
    @Arg('signOutOtherSessions', { defaultValue: false }) signOutOtherSessions: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<BackupCodes> {
    return {
      codes: await ctx.services.mfaSettings.confirmEnrollment(
        requirePerson(ctx.caller),
        code,
        signOutOtherSessions,
      ),
    };
  }

  @Authorized()
  @Mutation(() => BackupCodes, {
    description:
      'Turns text-message codes to the verified phone on as a second factor (weaker than an app or a passkey); backup codes as for confirmTotpEnrollment',
  })
  async enableSmsMfa(@Ctx() ctx: AppContext): Promise<BackupCodes> {
    return { codes: await ctx.services.mfaSettings.enableSms(requirePerson(ctx.caller)) };
  }

  @Authorized()
  @Mutation(() => Account, {
    description: 'Turns one method (TOTP or SMS) off; turning the last one off turns MFA off',
  })
  async disableMfaMethod(
    @Arg('method', () => MfaMethod) method: MfaMethod,
    @Ctx() ctx: AppContext,
  ): Promise<AccountEntity> {
    const person = requirePerson(ctx.caller);
    await ctx.services.mfaSettings.disableMethod(person, method);
    return (await ctx.services.accounts.findById(person.account.id)) as AccountEntity;
  }

  @Authorized()
  @Mutation(() => Account, { description: 'The method the log-in’s second step offers first' })
  setDefaultMfaMethod(
    @Arg('method', () => MfaMethod) method: MfaMethod,
    @Ctx() ctx: AppContext,
  ): Promise<AccountEntity> {
    return ctx.services.mfaSettings.setDefaultMethod(requirePerson(ctx.caller), method);
  }

  @Authorized()
  @Mutation(() => BackupCodes, {
    description: 'Voids the old backup codes and returns 10 new ones',
  })
  async regenerateBackupCodes(@Ctx() ctx: AppContext): Promise<BackupCodes> {
    return {
      codes: await ctx.services.mfaSettings.regenerateBackupCodes(requirePerson(ctx.caller)),
    };
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Turns every method off, and the backup codes with them',
  })
  async disableMfa(@Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.mfaSettings.disable(requirePerson(ctx.caller));
    return true;
  }
}

/** The log-in's second step, before a session exists. */
@Resolver()
export class MfaChallengeResolver {
  @Mutation(() => MfaSmsCodeSent, {
    description:
      'Texts a 6-digit code (10 minutes) for this challenge to the account’s phone; at most 3 per challenge',
  })
  sendMfaSmsCode(
    @Arg('challengeId') challengeId: string,
    @Ctx() ctx: AppContext,
  ): Promise<MfaSmsCodeSent> {
    return ctx.services.mfaChallenges.sendSmsCode(challengeId, ctx.caller);
  }
}
