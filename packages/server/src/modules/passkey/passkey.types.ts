import { IsOptional } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObjectScalar, type JsonObjectInput } from '../../graphql/json-object.scalar';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { PASSKEY_NAME_MAX_CHARS } from './passkey.entity';

export enum PasskeyKind {
  SYNCED = 'SYNCED',
  DEVICE_BOUND = 'DEVICE_BOUND',
}
registerEnumType(PasskeyKind, {
  name: 'PasskeyKind',
  description:
    'SYNCED: the passkey may be copied to the person’s other devices (backup eligible); DEVICE_BOUND: it never leaves its authenticator',
});

@ObjectType('Passkey', { description: 'A passkey that signs this account in without a password' })
export class Passkey {
  @Field(() => ID)
  id: string;

  @Field({
    description: 'The person’s name for it; at first the browser and system it was added from',
  })
  name: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field({ description: 'The authenticator said at its last use that it is backed up (synced)' })
  backedUp: boolean;
}

@ObjectType('PasskeySignInOptions', { description: 'What the browser needs to ask for a passkey' })
export class PasskeySignInOptions {
  @Field({
    description: 'Names this log-in attempt: send it back with the answer, within 5 minutes',
  })
  attemptId: string;

  @Field(() => JSONObjectScalar, {
    description: 'PublicKeyCredentialRequestOptionsJSON for navigator.credentials.get',
  })
  options: Record<string, unknown>;
}

@InputType()
export class FinishPasskeyRegistrationInput {
  @Field(() => JSONObjectScalar, {
    description: 'The new credential, as PublicKeyCredential.toJSON() gives it',
  })
  response: JsonObjectInput;

  @Field(() => String, {
    nullable: true,
    description: 'A name to tell it apart; the browser and system it is added from when absent',
  })
  @IsOptional()
  @MaxChars(PASSKEY_NAME_MAX_CHARS)
  name?: string | null;
}

@InputType()
export class CompletePasskeySignInInput {
  @Field({ description: 'From startPasskeySignIn' })
  @MaxChars(64, withReason('PASSKEY_CHALLENGE_EXPIRED'))
  attemptId: string;

  @Field(() => JSONObjectScalar, {
    description: 'The assertion, as PublicKeyCredential.toJSON() gives it',
  })
  response: JsonObjectInput;

  @Field({
    defaultValue: false,
    description: 'Return the session token instead of setting a cookie',
  })
  issueToken: boolean;
}

@InputType()
export class RenamePasskeyInput {
  @Field(() => ID)
  id: string;

  @Field()
  @MaxChars(PASSKEY_NAME_MAX_CHARS)
  name: string;
}
