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
import { Organization } from '../organization/organization.type';
import { TeamMember, toTeamMember } from '../organization/team-member.type';
import { InviteTeamMemberInput } from './invitation.inputs';
import { Invitation, InvitationPreview, toInvitation } from './invitation.type';

@Resolver(() => Organization)
export class InvitationResolver {
  @FieldResolver(() => [Invitation], { description: 'Pending invitations, oldest first' })
  async invitations(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
  ): Promise<Invitation[]> {
    const pending = await ctx.services.invitations.listPending(organization.access);
    return pending.map(toInvitation);
  }

  @Authorized()
  @Mutation(() => Invitation, {
    description: 'Mails a link valid 7 days, for that address only; uses a seat while pending',
  })
  async inviteTeamMember(
    @Arg('input') input: InviteTeamMemberInput,
    @Ctx() ctx: AppContext,
  ): Promise<Invitation> {
    return toInvitation(await ctx.services.invitations.invite(ctx.caller, input));
  }

  @Authorized()
  @Mutation(() => Invitation, {
    description: 'A new link and 7 more days; the old link stops working',
  })
  async resendInvitation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Invitation> {
    return toInvitation(await ctx.services.invitations.resend(ctx.caller, id));
  }

  @Authorized()
  @Mutation(() => Invitation)
  async revokeInvitation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Invitation> {
    return toInvitation(await ctx.services.invitations.revoke(ctx.caller, id));
  }

  @Authorized()
  @Mutation(() => TeamMember, {
    description: 'Joins through an /invitations/accept link, signed in with the invited address',
  })
  async acceptInvitation(@Arg('token') token: string, @Ctx() ctx: AppContext): Promise<TeamMember> {
    const member = await ctx.services.invitationLinks.accept(requirePerson(ctx.caller), token);
    return toTeamMember(member);
  }

  @Query(() => InvitationPreview, {
    nullable: true,
    description: 'What an invitation link is for, before accepting; null for an unknown link',
  })
  invitationByToken(
    @Arg('token') token: string,
    @Ctx() ctx: AppContext,
  ): Promise<InvitationPreview | null> {
    return ctx.services.invitationLinks.preview(token, ctx.client.ip);
  }
}
