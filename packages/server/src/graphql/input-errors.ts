import type { ReasonTable } from './error-codes';

/** What the input layer, the shared validators and paging refuse, field by field. */
export const INPUT_REASONS = {
  INVALID_CHARACTER: { code: 'BAD_USER_INPUT', message: 'Contains an invalid character' },
  CONTROL_CHARACTERS: {
    code: 'BAD_USER_INPUT',
    message: 'Remove line breaks and control characters',
  },
  TEXT_DIRECTION_CHARACTERS: {
    code: 'BAD_USER_INPUT',
    message: 'Remove text-direction control characters',
  },
  INVALID_ID: { code: 'BAD_USER_INPUT', message: 'This is not an id this API gave out' },
  TOO_LONG: { code: 'BAD_USER_INPUT', message: 'Use at most {max} characters' },
  INVALID_EMAIL: { code: 'BAD_USER_INPUT', message: 'Enter a valid email address' },
  /** A validator with no reason of its own; its own message stays in `extensions.fields`. */
  INVALID_VALUE: { code: 'BAD_USER_INPUT', message: 'This value is not valid' },
  PAGE_SIZE_OUT_OF_RANGE: { code: 'BAD_USER_INPUT', message: 'Ask for 1 to {max} items' },
  CURSOR_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'This cursor is not one this list gave out',
  },
} as const satisfies ReasonTable;
