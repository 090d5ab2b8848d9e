import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './apiError';

/** Turns an ApiError into the sentence shown in a form's alert region, in the UI language. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: ApiError) => {
      // The messages are next to their fields already (BAD_USER_INPUT, or a CONFLICT such
      // as a taken address): the alert only points at them.
      if (error.code !== 'RATE_LIMITED' && Object.keys(error.fieldErrors).length > 0) {
        return t('form.fixErrors');
      }
      switch (error.code) {
        case 'NETWORK':
          return t('errors.network');
        case 'RATE_LIMITED':
          return error.retryAfterSeconds === null
            ? t('errors.rateLimitedNoDelay')
            : t('errors.rateLimited', { count: error.retryAfterSeconds });
        case 'REAUTHENTICATION_REQUIRED':
          return t('errors.reauthenticationRequired');
        case 'INTERNAL_SERVER_ERROR':
          return t('errors.generic');
        default:
          return error.message || t('errors.generic');
      }
    },
    [t],
  );
}
