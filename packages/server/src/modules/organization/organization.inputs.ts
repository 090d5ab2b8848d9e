import { IsIn, IsOptional, IsUrl, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { ORGANIZATION_NAME_MAX_CHARS, WEBSITE_MAX_CHARS } from './organization.entity';
import type { Role } from './team-member.entity';
import { RoleEnum } from './team-member.type';
import { INDUSTRIES } from './industries';

/** Absent fields stay as they are; `null` clears industry and website. */
@InputType()
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(ORGANIZATION_NAME_MAX_CHARS)
  @Matches(/\S/, withReason('ORGANIZATION_NAME_REQUIRED'))
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'One of `industries`' })
  @IsOptional()
  @IsIn(INDUSTRIES, withReason('INDUSTRY_UNKNOWN'))
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'An http:// or https:// URL' })
  @IsOptional()
  @MaxChars(WEBSITE_MAX_CHARS)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: true },
    withReason('WEBSITE_INVALID'),
  )
  website?: string | null;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID)
  @MaxChars(64, withReason('MEMBER_NOT_FOUND'))
  memberId: string;

  @Field(() => RoleEnum)
  role: Role;
}
