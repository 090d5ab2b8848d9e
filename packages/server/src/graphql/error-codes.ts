/** The API's own error codes (docs/api-guide.md#errors): the only ones a client ever sees besides GraphQL's own. */
export const APP_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'MFA_REQUIRED',
  'REAUTHENTICATION_REQUIRED',
  'PLAN_LIMIT_REACHED',
  'CONFLICT',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Codes produced by graphql-js / Apollo themselves for malformed requests: safe to show. */
export const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

/** What anything unexpected is answered with (and logged with the request id). */
export const INTERNAL_ERROR_CODE = 'INTERNAL_SERVER_ERROR';

/** Every `extensions.code` a client can meet. */
export const ERROR_CODES = [
  ...APP_ERROR_CODES,
  ...REQUEST_ERROR_CODES,
  INTERNAL_ERROR_CODE,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One thing that can go wrong: the code it is answered with, and the English message that
 * tools and logs read. A `{name}` in the message is filled from the error's params, which
 * clients get too, to fill their own translation of the reason.
 */
export interface ReasonEntry {
  readonly code: AppErrorCode;
  readonly message: string;
}

/** A module's reasons, keyed by the reason code clients translate (`SESSION_NOT_FOUND`). */
export type ReasonTable = Readonly<Record<string, ReasonEntry>>;
