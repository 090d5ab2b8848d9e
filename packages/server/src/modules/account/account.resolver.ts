import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { avatarPath } from '../avatar/avatar.service';
import { accountOf, requirePerson } from '../../caller/caller';
import type { AppContext } from '../../graphql/context';
import type { AccountEntity } from './account.entity';
import { UpdateProfileInput } from './account.inputs';
import { Account } from './account.type';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'The signed-in account, or null' })
  me(@Ctx() ctx: AppContext): AccountEntity | null {
    return accountOf(ctx.caller);
  }

  @Authorized()
  @Mutation(() => Account)
  async updateProfile(
    @Arg('input') input: UpdateProfileInput,
    @Ctx() ctx: AppContext,
  ): Promise<AccountEntity> {
    return ctx.services.accounts.updateProfile(requirePerson(ctx.caller).account.id, input);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Absolute URL of the 256×256 avatar',
  })
  avatarUrl(@Root() account: AccountEntity, @Ctx() ctx: AppContext): string | null {
    const path = avatarPath(account);
    return path ? `${ctx.services.site.appUrl}${path}` : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The new address of an email change waiting for its link to be used',
  })
  pendingEmail(@Root() account: AccountEntity, @Ctx() ctx: AppContext): Promise<string | null> {
    return ctx.services.emails.pendingEmail(account.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'E.164: the new number of a phone change waiting for its SMS code',
  })
  pendingPhone(@Root() account: AccountEntity, @Ctx() ctx: AppContext): Promise<string | null> {
    return ctx.services.phones.pendingPhone(account.id);
  }

  @FieldResolver(() => Boolean, { description: 'The address was confirmed through a mailed link' })
  emailVerified(@Root() account: AccountEntity): boolean {
    return account.emailVerifiedAt !== null;
  }
}
