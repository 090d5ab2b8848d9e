import { Field, InputType, ObjectType } from 'type-graphql';
import { JSONObjectScalar, type JsonObjectInput } from '../../graphql/json-object.scalar';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

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

@ObjectType('BackupCodes', {
  description:
    'Ten single-use codes, shown once; empty when a method was added while MFA was already on (the saved codes stay valid)',
})
export class BackupCodes {
  @Field(() => [String])
  codes: string[];
}

@ObjectType('MfaSmsCodeSent', { description: 'A code was texted for this log-in' })
export class MfaSmsCodeSent {
  @Field({ description: 'The number it went to, masked: +34 ••••••678' })
  phoneHint: string;

  @Field({ description: 'The code works until then (10 minutes)' })
  expiresAt: Date;
}

@InputType()
export class CompleteMfaChallengeInput {
  @Field()
  @MaxChars(64, withReason('MFA_CHALLENGE_EXPIRED'))
  challengeId: string;

  @Field({
    description:
      'A 6-digit code from the app or from the text message (sendMfaSmsCode), or a backup code',
  })
  @MaxChars(20, withReason('MFA_CODE_MALFORMED'))
  code: string;

  @Field({ defaultValue: false })
  issueToken: boolean;
}

@InputType()
export class ReauthenticateInput {
  @Field(() => String, { nullable: true })
  @MaxChars(PASSWORD_MAX_LENGTH)
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'A current TOTP code, when MFA is on' })
  @MaxChars(20, withReason('CODE_NOT_SIX_DIGITS'))
  code?: string | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'An assertion (PublicKeyCredential.toJSON()) answering startPasskeyReauthentication, with one of my passkeys',
  })
  passkey?: JsonObjectInput | null;
}
