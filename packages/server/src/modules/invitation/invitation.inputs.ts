import { Field, ID, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { EMAIL_MAX_CHARS, IsStorableEmail } from '../auth/email-address';
import type { Role } from '../organization/team-member.entity';
import { RoleEnum } from '../organization/team-member.type';

@InputType()
export class InviteTeamMemberInput {
  @Field(() => ID)
  @MaxChars(64, withReason('ORGANIZATION_NOT_FOUND'))
  organizationId: string;

  @Field()
  @MaxChars(EMAIL_MAX_CHARS)
  @IsStorableEmail()
  email: string;

  @Field(() => RoleEnum, { description: 'ADMIN or below, and not above your own role' })
  role: Role;
}
