import { Field, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { PASSWORD_MAX_LENGTH } from './password-policy';

@InputType()
export class ChangePasswordInput {
  @Field()
  @MaxChars(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @Field({
    description:
      'At least 8 characters with an uppercase letter, a number and a symbol; not a common password',
  })
  @MaxChars(PASSWORD_MAX_LENGTH)
  newPassword: string;

  @Field({ defaultValue: false })
  signOutOtherSessions: boolean;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'From the /reset-password link' })
  @MaxChars(128, withReason('LINK_INVALID'))
  token: string;

  @Field()
  @MaxChars(PASSWORD_MAX_LENGTH)
  newPassword: string;
}
