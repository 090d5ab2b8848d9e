import { IsEmail, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { Role } from '../organization/team-member.entity';
import { RoleEnum } from '../organization/team-member.type';

@InputType()
export class InviteTeamMemberInput {
  @Field(() => ID)
  @MaxLength(64, { message: 'No such organization' })
  organizationId: string;

  @Field()
  @MaxLength(254, { message: 'Use at most 254 characters' })
  @IsEmail({}, { message: 'Enter a valid email address' })
  email: string;

  @Field(() => RoleEnum, { description: 'ADMIN or below, and not above your own role' })
  role: Role;
}
