import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PASSWORD_MAX_LENGTH } from './password-policy';

const tooLong = { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` };

@InputType()
export class ChangePasswordInput {
  @Field()
  @MaxLength(PASSWORD_MAX_LENGTH, tooLong)
  currentPassword: string;

  @Field({
    description:
      'At least 8 characters with an uppercase letter, a number and a symbol; not a common password',
  })
  @MaxLength(PASSWORD_MAX_LENGTH, tooLong)
  newPassword: string;

  @Field({ defaultValue: false })
  signOutOtherSessions: boolean;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'From the /reset-password link' })
  @MaxLength(128, { message: 'This link is invalid, expired or already used' })
  token: string;

  @Field()
  @MaxLength(PASSWORD_MAX_LENGTH, tooLong)
  newPassword: string;
}
