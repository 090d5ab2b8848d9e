import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';
import { withReason } from '../../graphql/validation-reasons';
import { codePointLength } from '../../lib/text';

/** The `email` and `email_normalized` columns (accounts, invitations) are VARCHAR(254). */
export const EMAIL_MAX_CHARS = 254;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A valid address that fits its columns both as typed and lower-cased: lower-casing can
 * lengthen text ('İ' becomes 'i' + U+0307), so a 254-character address may normalise to more.
 * Expects text from the input layer (well-formed: validator.js throws URIError otherwise).
 */
export function isStorableEmail(address: string): boolean {
  return (
    isEmail(address) &&
    codePointLength(address) <= EMAIL_MAX_CHARS &&
    codePointLength(normalizeEmail(address)) <= EMAIL_MAX_CHARS
  );
}

export function IsStorableEmail(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStorableEmail',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...withReason('INVALID_EMAIL'), ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isStorableEmail(value),
      },
    });
}
