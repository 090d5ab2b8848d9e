import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldErrors } from './apiError';
import { errorText, fieldErrorTexts } from './errorText';

/** Turns an ApiError into the sentence shown in a form's alert region, in the UI language. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return useCallback((error: ApiError) => errorText(t, error), [t]);
}

/** Turns an ApiError into the messages shown next to its fields, in the UI language. */
export function useFieldErrorTexts(): (error: ApiError) => FieldErrors {
  const { t } = useTranslation();
  return useCallback((error: ApiError) => fieldErrorTexts(t, error), [t]);
}
