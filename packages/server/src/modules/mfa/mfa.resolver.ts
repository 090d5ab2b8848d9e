import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AccountEntity } from '../account/account.entity';
import { Account } from '../account/account.type';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { BackupCodes, TotpEnrollment } from './mfa.types';

@Resolver(() => Account)
export class MfaResolver {
  @FieldResolver(() => Int, {
    description: 'Backup codes not used yet (each works once); 0 while MFA is off',
  })
  remainingBackupCodes(@Root() account: AccountEntity, @Ctx() ctx: AppContext): Promise<number> {
    return ctx.services.mfaSettings.remainingBackupCodes(account);
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
    description: 'Turns MFA on with a code from the app; returns 10 backup codes, shown once',
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
    description: 'Voids the old backup codes and returns 10 new ones',
  })
  async regenerateBackupCodes(@Ctx() ctx: AppContext): Promise<BackupCodes> {
    return {
      codes: await ctx.services.mfaSettings.regenerateBackupCodes(requirePerson(ctx.caller)),
    };
  }

  @Authorized()
  @Mutation(() => Boolean)
  async disableMfa(@Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.mfaSettings.disable(requirePerson(ctx.caller));
    return true;
  }
}
