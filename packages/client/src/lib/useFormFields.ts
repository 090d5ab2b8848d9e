import { useCallback, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError, type FieldErrors } from './apiError';
import { blankFieldErrors, hasErrors, summarizes } from './forms';
import { useErrorText, useFieldErrorTexts } from './useErrorText';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

/** The names of a form's text values, the ones that can be required. */
type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface FormFields<V> {
  /** For the <form>: after a failed submit, focus goes to its first invalid field. */
  formRef: RefObject<HTMLFormElement | null>;
  values: V;
  /**
   * Sets one value; that field's error and the form's alert go, since the person is fixing it
   * (the alert summed up the last submit, which this edit has made out of date).
   */
  update<K extends keyof V>(name: K, value: V[K]): void;
  /** Messages next to fields, keyed by the API's input field names. */
  fieldErrors: FieldErrors;
  /** The form-level message, for <FormAlert>. */
  alert: string | null;
  setAlert(message: string | null): void;
  /**
   * Starts a submit with the checks made here: blank `required` fields and any `problems`
   * found by the caller. Shows them (or clears earlier ones); true when the form may be sent.
   */
  check(required: ReadonlyArray<TextKeys<V>>, problems?: Record<string, string | null>): boolean;
  /**
   * Shows a failed operation in the UI language: field messages next to their fields, a
   * summary in the alert.
   */
  fail(error: unknown): ApiError;
  /** Back to `values` (the initial ones by default) with no messages, after a success. */
  reset(values?: V): void;
  /** What a text or select field needs to show and edit one value: `<TextField {...bind('email')} />`. */
  bind(name: TextKeys<V>): FieldBinding;
}

export interface FieldBinding {
  value: string;
  onChange(event: ChangeEvent<HTMLInputElement | HTMLSelectElement>): void;
  error: string | undefined;
}

export interface FormOptions {
  /** Called after every edit, e.g. to take down a "saved" status. */
  onEdit?: () => void;
}

/**
 * The state every form repeats: values, per-field errors from the server or from checks made
 * here, the alert, and focus moving to the first invalid field.
 */
export function useFormFields<V extends object>(
  initialValues: V,
  options: FormOptions = {},
): FormFields<V> {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const formRef = useRef<HTMLFormElement>(null);
  const initialRef = useRef(initialValues);
  const [values, setValues] = useState<V>(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  // Focus moves when a submit finds errors, never while the person edits a field.
  const [submitErrors, setSubmitErrors] = useState<FieldErrors>({});
  useFocusFirstInvalid(formRef, submitErrors);
  const onEditRef = useRef(options.onEdit);
  onEditRef.current = options.onEdit;

  const update = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setFieldErrors((current) => {
      if (!(name in current)) return current;
      const { [name as string]: _fixed, ...others } = current;
      return others;
    });
    setAlert(null);
    onEditRef.current?.();
  }, []);

  const check = useCallback(
    (required: ReadonlyArray<TextKeys<V>>, problems: Record<string, string | null> = {}) => {
      const errors: Record<string, string> = {};
      for (const [name, message] of Object.entries(problems)) {
        if (message) errors[name] = message;
      }
      const textValues = values as Record<TextKeys<V>, string>;
      const blank = blankFieldErrors(textValues, required, t('form.required'));
      const all = { ...errors, ...blank };
      setFieldErrors(all);
      setSubmitErrors(all);
      setAlert(summarizes(formRef.current, all) ? t('form.fixErrors') : null);
      return !hasErrors(all);
    },
    [t, values],
  );

  const fail = useCallback(
    (error: unknown) => {
      const apiError = toApiError(error);
      const texts = fieldErrorTexts(apiError);
      setFieldErrors(texts);
      setSubmitErrors(texts);
      // errorText sums up field problems as "correct the highlighted fields", which a form
      // of one field does not need: the message is next to the only field there is.
      setAlert(
        hasErrors(texts) && !summarizes(formRef.current, texts) ? null : errorText(apiError),
      );
      return apiError;
    },
    [errorText, fieldErrorTexts],
  );

  const reset = useCallback((next: V = initialRef.current) => {
    setValues(next);
    setFieldErrors({});
    setAlert(null);
  }, []);

  const bind = (name: TextKeys<V>): FieldBinding => ({
    value: (values as Record<TextKeys<V>, string>)[name],
    onChange: (event) => update(name, event.target.value as V[TextKeys<V>]),
    error: fieldErrors[name],
  });

  return { formRef, values, update, fieldErrors, alert, setAlert, check, fail, reset, bind };
}
