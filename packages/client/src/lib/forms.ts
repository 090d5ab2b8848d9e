import type { FieldErrors } from './apiError';

/** Field errors for every required field left blank, so the server is not asked in vain. */
export function blankFieldErrors<K extends string>(
  values: Readonly<Record<K, string>>,
  required: ReadonlyArray<K>,
  message: string,
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const name of required) {
    if (values[name].trim() === '') errors[name] = message;
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
