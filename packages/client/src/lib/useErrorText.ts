import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './apiError';

/** Turns an ApiError into the sentence shown in a form's alert region, in the UI language. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: ApiError) => {
      switch (error.code) {
        case 'NETWORK':
          return t('errors.network');
        case 'RATE_LIMITED':
          return error.retryAfterSeconds === null
            ? t('errors.rateLimitedNoDelay')
            : t('errors.rateLimited', { count: error.retryAfterSeconds });
        case 'BAD_USER_INPUT':
          return Object.keys(error.fieldErrors).length > 0
            ? t('form.fixErrors')
            : error.message || t('errors.generic');
        case 'INTERNAL_SERVER_ERROR':
          return t('errors.generic');
        default:
          return error.message || t('errors.generic');
      }
    },
    [t],
  );
}
