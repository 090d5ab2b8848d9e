import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

@InputType()
export class RequestEmailChangeInput {
  @Field()
  @MaxLength(254, { message: 'Use at most 254 characters' })
  newEmail: string;

  @Field({ description: 'The current password' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` })
  password: string;
}

@InputType()
export class RequestPhoneChangeInput {
  @Field({ description: 'With its country code; stored as E.164' })
  @MaxLength(32, { message: 'Use at most 32 characters' })
  phone: string;

  @Field({ description: 'The current password' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` })
  password: string;
}
