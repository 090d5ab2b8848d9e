import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorReason } from '../generated/graphql';

/** Messages keyed by input field name (`email`, `username`…), in the UI language. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

/** The values a reason's translation names (`{{max}}`), as the server sends them. */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** Why something was refused: a reason the UI can translate (null when unknown), and its params. */
export interface Problem {
  reason: ErrorReason | null;
  params: ReasonParams;
}

/** What the UI needs to know about a failed operation. */
export interface ApiError {
  /** `extensions.code` of the first error, or NETWORK when no GraphQL answer came back. */
  code: string;
  /** Why, for the whole operation (`extensions.reason` and `params`). */
  problem: Problem;
  /** The server's English sentence: for logs and developers, never shown (it is not translated). */
  message: string;
  /** Refused fields by name, each with why (`extensions.reasons`, `fieldParams`). */
  fieldProblems: Readonly<Partial<Record<string, Problem>>>;
  retryAfterSeconds: number | null;
}

const REASONS = new Set<string>(Object.values(ErrorReason));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && REASONS.has(value);
}

/** A reason this build can translate; an unknown one (a newer server's) is null. */
function asReason(value: unknown): ErrorReason | null {
  return isErrorReason(value) ? value : null;
}

function asParams(value: unknown): ReasonParams {
  if (!isRecord(value)) return {};
  const params: Record<string, string | number> = {};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number') params[name] = item;
  }
  return params;
}

/**
 * Every field named in `fields` or `reasons`, with its reason when the UI knows it. `fields`
 * holds the server's English messages, read here only for the field names an older server
 * sends without reasons.
 */
function collectFieldProblems(
  errors: ReadonlyArray<GraphQLFormattedError>,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const { extensions } of errors) {
    const reasons = isRecord(extensions?.reasons) ? extensions.reasons : {};
    const fieldParams = isRecord(extensions?.fieldParams) ? extensions.fieldParams : {};
    const named = isRecord(extensions?.fields) ? Object.keys(extensions.fields) : [];
    for (const name of new Set([...named, ...Object.keys(reasons)])) {
      // Accept `input.email` as well as `email`.
      const field = name.startsWith('input.') ? name.slice('input.'.length) : name;
      if (field in problems) continue;
      problems[field] = { reason: asReason(reasons[name]), params: asParams(fieldParams[name]) };
    }
  }
  return problems;
}

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>): ApiError {
  const first = errors[0];
  const code = first?.extensions?.code;
  const retryAfter = first?.extensions?.retryAfterSeconds;
  return {
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    problem: {
      reason: asReason(first?.extensions?.reason),
      params: asParams(first?.extensions?.params),
    },
    message: first?.message ?? '',
    fieldProblems: collectFieldProblems(errors),
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
    problem: { reason: null, params: {} },
    message: error instanceof Error ? error.message : String(error),
    fieldProblems: {},
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
