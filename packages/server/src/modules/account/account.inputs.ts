import { IsIn, IsISO31661Alpha2, IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { FULL_NAME_MAX_CHARS } from './account.entity';
import { IsIanaTimeZone, SUPPORTED_LOCALES, USERNAME_PATTERN } from './profile-rules';

/** Absent fields stay as they are; `null` clears username and country. */
@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxChars(FULL_NAME_MAX_CHARS)
  @Matches(/\S/, { message: 'Enter your name' })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(new RegExp(USERNAME_PATTERN.source, 'i'), {
    message:
      'Use 3–30 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
  })
  username?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES, { message: `Choose one of: ${SUPPORTED_LOCALES.join(', ')}` })
  locale?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'Choose a country from the list (ISO 3166-1 code such as ES)' })
  country?: string | null;
}
