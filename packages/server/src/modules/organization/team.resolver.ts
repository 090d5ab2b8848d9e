import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { ChangeMemberRoleInput } from './organization.inputs';
import { TeamMember, toTeamMember } from './team-member.type';

@Resolver()
export class TeamResolver {
  @Authorized()
  @Mutation(() => TeamMember, {
    description: 'Up to your own role (OWNER grants up to ADMIN); MANAGER only below ADMIN',
  })
  async changeMemberRole(
    @Arg('input') input: ChangeMemberRoleInput,
    @Ctx() ctx: AppContext,
  ): Promise<TeamMember> {
    const member = await ctx.services.memberships.changeRole(
      ctx.caller,
      input.memberId,
      input.role,
    );
    return toTeamMember(member);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Takes effect on their next request' })
  removeTeamMember(
    @Arg('memberId', () => ID) memberId: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    return ctx.services.memberships.remove(ctx.caller, memberId);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'The owner transfers ownership first' })
  leaveOrganization(
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    return ctx.services.memberships.leave(ctx.caller, organizationId);
  }

  @Authorized()
  @Mutation(() => TeamMember, {
    description: 'Makes a member the OWNER; the previous owner becomes ADMIN',
  })
  async transferOwnership(
    @Arg('memberId', () => ID) memberId: string,
    @Ctx() ctx: AppContext,
  ): Promise<TeamMember> {
    const member = await ctx.services.memberships.transferOwnership(ctx.caller, memberId);
    return toTeamMember(member);
  }
}
