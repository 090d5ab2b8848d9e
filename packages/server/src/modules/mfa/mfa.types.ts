import { MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('TotpEnrollment', {
  description: 'Scan the QR code, or type the key, into an authenticator app',
})
export class TotpEnrollment {
  @Field({ description: 'Base32 key for manual entry' })
  secret: string;

  @Field()
  otpauthUri: string;

  @Field({ description: 'PNG data URL of the otpauth URI' })
  qrCodeDataUrl: string;
}

@ObjectType('BackupCodes', { description: 'Ten single-use codes, shown once' })
export class BackupCodes {
  @Field(() => [String])
  codes: string[];
}

@InputType()
export class CompleteMfaChallengeInput {
  @Field()
  @MaxLength(64, { message: 'This sign-in has expired; enter your password again' })
  challengeId: string;

  @Field({ description: 'A 6-digit code from the app, or a backup code' })
  @MaxLength(20, { message: 'Enter the 6-digit code or a backup code' })
  code: string;

  @Field({ defaultValue: false })
  issueToken: boolean;
}

@InputType()
export class ReauthenticateInput {
  @Field(() => String, { nullable: true })
  @MaxLength(1024, { message: 'Use at most 1024 characters' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'A current TOTP code, when MFA is on' })
  @MaxLength(20, { message: 'Enter the 6-digit code' })
  code?: string | null;
}
