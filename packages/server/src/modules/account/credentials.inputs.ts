import { Field, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { EMAIL_MAX_CHARS } from '../auth/email-address';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

@InputType()
export class RequestEmailChangeInput {
  @Field()
  @MaxChars(EMAIL_MAX_CHARS)
  newEmail: string;

  @Field({ description: 'The current password' })
  @MaxChars(PASSWORD_MAX_LENGTH)
  password: string;
}

@InputType()
export class RequestPhoneChangeInput {
  @Field({ description: 'With its country code; stored as E.164' })
  @MaxChars(32)
  phone: string;

  @Field({ description: 'The current password' })
  @MaxChars(PASSWORD_MAX_LENGTH)
  password: string;
}
