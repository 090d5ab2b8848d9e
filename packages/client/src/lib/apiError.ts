import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** Messages keyed by input field name (`email`, `username`…), as BAD_USER_INPUT carries them. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

/** What the UI needs to know about a failed operation. */
export interface ApiError {
  /** `extensions.code` of the first error, or NETWORK when no GraphQL answer came back. */
  code: string;
  message: string;
  fieldErrors: FieldErrors;
  retryAfterSeconds: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectFieldErrors(errors: ReadonlyArray<GraphQLFormattedError>): FieldErrors {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const reported = error.extensions?.fields;
    if (!isRecord(reported)) continue;
    for (const [name, message] of Object.entries(reported)) {
      // Accept `input.email` as well as `email`.
      const field = name.startsWith('input.') ? name.slice('input.'.length) : name;
      if (typeof message === 'string' && !(field in fields)) fields[field] = message;
    }
  }
  return fields;
}

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>): ApiError {
  const first = errors[0];
  const code = first?.extensions?.code;
  const retryAfter = first?.extensions?.retryAfterSeconds;
  return {
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    message: first?.message ?? '',
    fieldErrors: collectFieldErrors(errors),
    retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : null,
  };
}

/** A non-2xx `application/json` answer (such as a 429) may still carry GraphQL errors. */
function errorsInBody(bodyText: string): ReadonlyArray<GraphQLFormattedError> | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isRecord(body) && Array.isArray(body.errors) && body.errors.length > 0) {
      return body.errors as GraphQLFormattedError[];
    }
  } catch {
    // not JSON: treat as a transport failure
  }
  return null;
}

/**
 * The error in the JSON body of a plain HTTP endpoint beside /graphql (such as `POST /avatar`),
 * which answers in the GraphQL error shape; null when the body is not such an answer.
 */
export function apiErrorFromBody(bodyText: string): ApiError | null {
  const errors = errorsInBody(bodyText);
  return errors ? fromGraphQLErrors(errors) : null;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors);
  if (ServerError.is(error)) {
    const errors = errorsInBody(error.bodyText);
    if (errors) return fromGraphQLErrors(errors);
  }
  return {
    code: 'NETWORK',
    message: error instanceof Error ? error.message : String(error),
    fieldErrors: {},
    retryAfterSeconds: null,
  };
}

/** The seat limit a PLAN_LIMIT_REACHED answer carries (`extensions.limit`), else null. */
export function planLimitOf(error: unknown): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  const limit = first?.extensions?.limit;
  return first?.extensions?.code === 'PLAN_LIMIT_REACHED' && typeof limit === 'number'
    ? limit
    : null;
}
