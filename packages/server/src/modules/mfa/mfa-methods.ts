import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { registerEnumType } from 'type-graphql';
import type { AccountEntity } from '../account/account.entity';

/** The ways an account can pass the log-in's second step (backup codes serve every one). */
export enum MfaMethod {
  TOTP = 'TOTP',
  SMS = 'SMS',
  PASSKEY = 'PASSKEY',
}
registerEnumType(MfaMethod, {
  name: 'MfaMethod',
  description:
    'TOTP: an authenticator app; SMS: a code texted to the verified phone (the weakest); PASSKEY: a passkey of the account',
});

/** The second factors that make MFA on: an authenticator app, text-message codes. */
export type CodeMethod = MfaMethod.TOTP | MfaMethod.SMS;

export function isMfaMethod(value: string | null): value is MfaMethod {
  return value !== null && Object.values<string>(MfaMethod).includes(value);
}

/** The account's methods, strongest first: passkeys, an app, text messages. */
export function mfaMethodsOf(account: AccountEntity, passkeyCount: number): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (passkeyCount > 0) methods.push(MfaMethod.PASSKEY);
  if (account.totpSecret) methods.push(MfaMethod.TOTP);
  if (account.smsMfaEnabled && account.phone) methods.push(MfaMethod.SMS);
  return methods;
}

/** The method chosen as default while it is still set up; otherwise an app before a text message. */
export function defaultMethodOf(account: AccountEntity, methods: MfaMethod[]): MfaMethod | null {
  if (isMfaMethod(account.mfaDefaultMethod) && methods.includes(account.mfaDefaultMethod)) {
    return account.mfaDefaultMethod;
  }
  return (
    [MfaMethod.TOTP, MfaMethod.SMS, MfaMethod.PASSKEY].find((m) => methods.includes(m)) ?? null
  );
}

/** "+34 ••••••678": enough to recognise one's own number, not to learn someone else's. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed?.nationalNumber ?? e164.replace(/\D/g, '');
  const country = parsed ? `+${parsed.countryCallingCode} ` : '';
  return `${country}${'•'.repeat(Math.max(0, national.length - 3))}${national.slice(-3)}`;
}

/** ISO country of a number (SMS pumping is limited per destination country); ZZ when unknown. */
export function phoneCountry(e164: string): string {
  return parsePhoneNumberFromString(e164)?.country ?? 'ZZ';
}
