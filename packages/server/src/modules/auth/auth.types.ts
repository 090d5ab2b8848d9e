import { createUnionType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import { Account } from '../account/account.type';
import { MfaMethod } from '../mfa/mfa-methods';
import { Session } from '../session/session.type';
import type { AccountEntity } from '../account/account.entity';
import type { SessionEntity } from '../session/session.entity';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { FULL_NAME_MAX_CHARS } from '../account/account.entity';
import { IsIanaTimeZone } from '../account/profile-rules';
import { EMAIL_MAX_CHARS, IsStorableEmail } from './email-address';
import { PASSWORD_MAX_LENGTH } from './password-policy';

@ObjectType('AuthPayload', { description: 'A successful sign-in' })
export class AuthPayload {
  @Field(() => Account)
  account: AccountEntity;

  @Field(() => Session)
  session: SessionEntity;

  @Field(() => String, {
    nullable: true,
    description: 'The session token; only returned when issueToken was true',
  })
  token: string | null;
}

@ObjectType('MfaChallenge', { description: 'The password was right; a second factor is needed' })
export class MfaChallenge {
  @Field(() => ID)
  challengeId: string;

  @Field(() => [MfaMethod], {
    description:
      'The account’s methods: TOTP (a code from the app), SMS (ask sendMfaSmsCode for a code), PASSKEY (sign in with the passkey instead); a backup code works for each',
  })
  methods: MfaMethod[];

  @Field(() => MfaMethod, { description: 'The method the person chose to be offered first' })
  defaultMethod: MfaMethod;

  @Field(() => String, {
    nullable: true,
    description: 'With SMS: the phone the code goes to, masked (+34 ••••••678)',
  })
  phoneHint: string | null;
}

export const LogInResult = createUnionType({
  name: 'LogInResult',
  types: () => [AuthPayload, MfaChallenge] as const,
  resolveType: (value) => ('challengeId' in value ? MfaChallenge : AuthPayload),
});

@InputType()
export class SignUpInput {
  @Field()
  @MaxChars(EMAIL_MAX_CHARS)
  @IsStorableEmail()
  email: string;

  @Field({ description: 'At least 8 characters with an uppercase letter, a number and a symbol' })
  @MaxChars(PASSWORD_MAX_LENGTH)
  password: string;

  @Field()
  @MaxChars(FULL_NAME_MAX_CHARS)
  @Matches(/\S/, withReason('FULL_NAME_REQUIRED'))
  fullName: string;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone, such as Europe/Madrid (browsers detect it); UTC when absent',
  })
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string | null;

  @Field({
    defaultValue: false,
    description: 'Return the session token instead of setting a cookie',
  })
  issueToken: boolean;
}

@InputType()
export class LogInInput {
  @Field()
  @MaxChars(EMAIL_MAX_CHARS)
  email: string;

  @Field()
  @MaxChars(PASSWORD_MAX_LENGTH)
  password: string;

  @Field({
    defaultValue: false,
    description: 'Return the session token instead of setting a cookie',
  })
  issueToken: boolean;
}
