import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import { ChangePasswordInput, ResetPasswordInput } from './password.inputs';

@Resolver()
export class PasswordResolver {
  @Authorized()
  @Mutation(() => Boolean)
  async changePassword(
    @Arg('input') input: ChangePasswordInput,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    await ctx.services.passwords.change(requirePerson(ctx.caller), input);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Mails a reset link if the address has an account; answers the same either way',
  })
  async requestPasswordReset(
    @Arg('email') email: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    await ctx.services.passwords.requestReset(ctx.caller, email);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Sets a new password from a reset link and signs out every session',
  })
  async resetPassword(
    @Arg('input') input: ResetPasswordInput,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    await ctx.services.passwords.reset(ctx.caller, input.token, input.newPassword);
    return true;
  }
}
