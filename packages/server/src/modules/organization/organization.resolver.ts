import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { pageRequest } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { INDUSTRIES } from './industries';
import { UpdateOrganizationInput } from './organization.inputs';
import { Organization, toOrganization } from './organization.type';
import { TeamMemberConnection, toMemberConnection } from './team-member.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized()
  @Query(() => [Organization], { description: 'Every organization I belong to' })
  async myOrganizations(@Ctx() ctx: AppContext): Promise<Organization[]> {
    const list = await ctx.services.organizations.listMine(ctx.caller);
    return list.map(toOrganization);
  }

  @Authorized()
  @Query(() => Organization, {
    nullable: true,
    description: 'An organization I belong to; NOT_FOUND for any other',
  })
  async organization(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Organization> {
    return toOrganization(await ctx.services.organizations.get(ctx.caller, id));
  }

  @Query(() => [String], { description: 'The industries an organization can choose from' })
  industries(): string[] {
    return [...INDUSTRIES];
  }

  @Authorized()
  @Mutation(() => Organization, { description: 'General settings (OWNER and ADMIN)' })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateOrganizationInput,
    @Ctx() ctx: AppContext,
  ): Promise<Organization> {
    const access = await ctx.services.organizations.update(ctx.caller, id, input);
    return toOrganization(access);
  }

  @FieldResolver(() => TeamMemberConnection, { description: 'Members in joining order' })
  async members(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, description: '1–100, default 20' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<TeamMemberConnection> {
    const page = await ctx.services.memberships.listMembers(
      organization.access,
      pageRequest(first, after),
    );
    return toMemberConnection(page, page.cursorOf);
  }

  @FieldResolver(() => Int, { nullable: true, description: "The plan's seats; null is unlimited" })
  seatLimit(@Root() organization: Organization, @Ctx() ctx: AppContext): number | null {
    return ctx.services.organizations.seatLimit(organization.access);
  }

  @FieldResolver(() => Int, { description: 'Members plus pending invitations' })
  async seatsUsed(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<number> {
    return (await ctx.services.organizations.seatUsage(organization.access)).used;
  }
}
