import { registerDecorator, type ValidationOptions } from 'class-validator';
import { codePointLength } from '../lib/text';
import { withReason } from './validation-reasons';

/**
 * At most `max` characters, counted as the column counts them: in code points (lib/text), on the
 * NFC text the input layer hands over. Use it instead of class-validator's MaxLength, whose
 * validator.js count skips variation selectors and so lets 200 code points through as 100.
 * Give an input field the length of the column it ends up in. Refuses as TOO_LONG unless
 * `options` give another reason (withReason).
 */
export function MaxChars(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'maxChars',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      options: { ...withReason('TOO_LONG', { max }), ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || codePointLength(value) <= max,
      },
    });
}
