import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { Organization } from '../organization/organization.type';
import { Domain, toDomain } from './domain.type';

@Resolver(() => Organization)
export class DomainResolver {
  @FieldResolver(() => [Domain])
  async domains(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<Domain[]> {
    return (await ctx.services.domains.list(organization.access)).map(toDomain);
  }

  @Authorized()
  @Mutation(() => Domain, { description: 'Claims a domain; publish its verificationRecord' })
  async addDomain(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('domain') domain: string,
    @Ctx() ctx: AppContext,
  ): Promise<Domain> {
    const added = await ctx.services.domains.add(ctx.caller, organizationId, domain);
    return toDomain(added);
  }

  @Authorized()
  @Mutation(() => Domain, {
    description: 'Looks the TXT record up now; verifiedAt stays null until found',
  })
  async verifyDomain(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Domain> {
    return toDomain(await ctx.services.domains.verify(ctx.caller, id));
  }

  @Authorized()
  @Mutation(() => Boolean)
  removeDomain(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.domains.remove(ctx.caller, id);
  }
}
