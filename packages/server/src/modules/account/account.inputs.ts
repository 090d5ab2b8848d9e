import { IsIn, IsISO31661Alpha2, IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { FULL_NAME_MAX_CHARS } from './account.entity';
import { IsIanaTimeZone, SUPPORTED_LOCALES, USERNAME_PATTERN } from './profile-rules';

/** Absent fields stay as they are; `null` clears username and country. */
@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(FULL_NAME_MAX_CHARS)
  @Matches(/\S/, withReason('FULL_NAME_REQUIRED'))
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(new RegExp(USERNAME_PATTERN.source, 'i'), withReason('USERNAME_INVALID'))
  username?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(
    SUPPORTED_LOCALES,
    withReason('LANGUAGE_UNSUPPORTED', { choices: SUPPORTED_LOCALES.join(', ') }),
  )
  locale?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2(withReason('COUNTRY_UNKNOWN'))
  country?: string | null;
}
