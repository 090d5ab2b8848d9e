import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../organization/team-member.entity';
import { RoleEnum } from '../organization/team-member.type';
import { effectiveStatus, type InvitationEntity, type InvitationStatus } from './invitation.entity';

export const InvitationStatusEnum = {
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
} as const satisfies Record<InvitationStatus, InvitationStatus>;
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus' });

/** An invitation as the organization's members see it; the token is never a field. */
@ObjectType('Invitation')
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => InvitationStatusEnum)
  status: InvitationStatus;

  @Field()
  expiresAt: Date;

  @Field()
  createdAt: Date;
}

/** What the holder of an invitation link sees before accepting it (signed in or not). */
@ObjectType('InvitationPreview')
export class InvitationPreview {
  @Field()
  organizationName: string;

  @Field(() => String, { nullable: true })
  invitedByName: string | null;

  @Field({ description: 'The address the invitation is bound to' })
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => InvitationStatusEnum)
  status: InvitationStatus;

  @Field()
  expiresAt: Date;
}

export function toInvitation(invitation: InvitationEntity): Invitation {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: effectiveStatus(invitation),
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
  };
}
