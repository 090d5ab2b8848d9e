import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import type { AccountEntity } from './account.entity';
import { Account } from './account.type';
import { RequestEmailChangeInput, RequestPhoneChangeInput } from './credentials.inputs';

@Resolver()
export class CredentialsResolver {
  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Mails a link to the new address (and a notice to the old); the address changes when it is used',
  })
  async requestEmailChange(
    @Arg('input') input: RequestEmailChangeInput,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    await ctx.services.emails.requestChange(
      requirePerson(ctx.caller),
      input.newEmail,
      input.password,
    );
    return true;
  }

  @Mutation(() => Account, {
    description: 'Redeems a /verify-email link: confirms a new address or the sign-up address',
  })
  confirmEmailChange(@Arg('token') token: string, @Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.emails.confirm(ctx.caller, token);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Sends the sign-up verification link again; false when already verified',
  })
  resendVerificationEmail(@Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.emails.resendVerification(requirePerson(ctx.caller));
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Texts a 6-digit code (valid 10 minutes) to the new number',
  })
  async requestPhoneChange(
    @Arg('input') input: RequestPhoneChangeInput,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    await ctx.services.phones.requestChange(requirePerson(ctx.caller), input.phone, input.password);
    return true;
  }

  @Authorized()
  @Mutation(() => Account, {
    description: 'Sets the new number once its code is right (5 tries per code)',
  })
  confirmPhoneChange(@Arg('code') code: string, @Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.phones.confirm(requirePerson(ctx.caller), code);
  }

  @Authorized()
  @Mutation(() => Account, {
    description:
      'Withdraws a pending email change: its link stops working (see Account.pendingEmail)',
  })
  cancelEmailChange(@Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.emails.cancelChange(requirePerson(ctx.caller));
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Texts a new code to the number waiting to be confirmed (Account.pendingPhone)',
  })
  async resendPhoneCode(@Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.phones.resendCode(requirePerson(ctx.caller));
    return true;
  }

  @Authorized()
  @Mutation(() => Account, {
    description: 'Removes the verified phone number (needs a recent re-authentication)',
  })
  removePhone(@Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.phones.remove(requirePerson(ctx.caller));
  }

  @Authorized()
  @Mutation(() => Account)
  removeAvatar(@Ctx() ctx: AppContext): Promise<AccountEntity> {
    return ctx.services.avatars.remove(requirePerson(ctx.caller).account.id);
  }
}
