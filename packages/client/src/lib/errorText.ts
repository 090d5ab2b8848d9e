import type { TFunction } from 'i18next';
import { ErrorCode } from '../generated/graphql';
import type { ApiError, FieldErrors, Problem } from './apiError';

/** Codes the UI translates: the server's (ErrorCode) and NETWORK, for no answer at all. */
export type UiErrorCode = ErrorCode | 'NETWORK';

const CODES = new Set<string>([...Object.values(ErrorCode), 'NETWORK']);

function isUiErrorCode(code: string): code is UiErrorCode {
  return CODES.has(code);
}

/** What the code says in general: the fallback when no reason is known. */
function codeText(t: TFunction, code: string): string {
  return isUiErrorCode(code) ? t(`errors.codes.${code}`) : t('errors.generic');
}

/** The reason in the UI language, its params filled in; `fallback` when there is none we know. */
function problemText(t: TFunction, { reason, params }: Problem, fallback: string): string {
  return reason ? t(`errors.reasons.${reason}`, { ...params }) : fallback;
}

/**
 * The sentence for a form's alert region. Never the server's own message: that is English,
 * and a reason or code it has is translated instead.
 */
export function errorText(t: TFunction, error: ApiError): string {
  // Said with the wait, counted in the UI language's plural forms.
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfterSeconds === null
      ? t('errors.rateLimitedNoDelay')
      : t('errors.rateLimited', { count: error.retryAfterSeconds });
  }
  // The messages are next to their fields already (BAD_USER_INPUT, or a CONFLICT such as a
  // taken address): the alert only points at them.
  if (Object.keys(error.fieldProblems).length > 0) return t('form.fixErrors');
  return problemText(t, error.problem, codeText(t, error.code));
}

/** The message next to each refused field; a reason we do not know says the value is not valid. */
export function fieldErrorTexts(t: TFunction, error: ApiError): FieldErrors {
  const texts: Record<string, string> = {};
  for (const [field, problem] of Object.entries(error.fieldProblems)) {
    if (problem) texts[field] = problemText(t, problem, t('errors.reasons.INVALID_VALUE'));
  }
  return texts;
}
