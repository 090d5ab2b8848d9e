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

/** The controls a person types or chooses a value in (checkboxes cannot be wrong here). */
const VALUE_FIELDS =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]), select, textarea';

/**
 * Whether field errors need a form-level summary ("Please correct the highlighted fields"):
 * not on a form with one field, where the message is already next to the only field, unless
 * an error names a field the form does not show (then the summary is all the person sees).
 */
export function summarizes(form: HTMLFormElement | null, errors: FieldErrors): boolean {
  if (!hasErrors(errors)) return false;
  if (!form) return true;
  const fields = [...form.querySelectorAll<HTMLElement>(VALUE_FIELDS)];
  if (fields.length > 1) return true;
  const names = new Set(fields.map((field) => field.getAttribute('name')));
  return Object.keys(errors).some((name) => !names.has(name));
}
