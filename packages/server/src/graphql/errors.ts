import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/** The error codes of SPEC §4: the only ones a client ever sees besides GraphQL's own. */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'MFA_REQUIRED'
  | 'REAUTHENTICATION_REQUIRED'
  | 'PLAN_LIMIT_REACHED'
  | 'CONFLICT';

/** Per-field messages, keyed by the input field's name. */
export type FieldErrors = Record<string, string>;

export class AppError extends GraphQLError {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const badUserInput = (fields: FieldErrors): AppError =>
  new AppError('BAD_USER_INPUT', `Invalid input: ${Object.keys(fields).join(', ')}`, { fields });

export const conflict = (message: string, fields?: FieldErrors): AppError =>
  new AppError('CONFLICT', message, fields ? { fields } : {});

export const unauthenticated = (message = 'You must be signed in'): AppError =>
  new AppError('UNAUTHENTICATED', message);

/** Codes produced by graphql-js / Apollo themselves for malformed requests: safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const APP_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'MFA_REQUIRED',
  'REAUTHENTICATION_REQUIRED',
  'PLAN_LIMIT_REACHED',
  'CONFLICT',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * class-validator's findings, when that is what TypeGraphQL wrapped. It wraps whatever
 * validation threw: a validator that crashes (validator.js's isEmail threw URIError on a lone
 * surrogate) arrives here as an ArgumentValidationError holding that error, not a list.
 */
function validationErrorsOf(error: unknown): ValidationError[] | null {
  if (!(error instanceof ArgumentValidationError)) return null;
  const found: unknown = error.extensions.validationErrors;
  return Array.isArray(found) ? (found as ValidationError[]) : null;
}

/** True when an error is one we meant to show; everything else is logged and masked. */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) return validationErrorsOf(original) !== null;
  if (original instanceof GraphQLError) {
    const code = String(original.extensions?.code ?? '');
    return APP_CODES.has(code) || REQUEST_ERROR_CODES.has(code) || code === 'UNAUTHORIZED';
  }
  return false;
}

/**
 * Apollo's formatError: validation failures become BAD_USER_INPUT with `fields`, TypeGraphQL's
 * UNAUTHORIZED becomes FORBIDDEN, and anything unexpected becomes a generic message (it is
 * logged with the request id by the error-logging plugin).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const validationErrors = validationErrorsOf(original);
  if (validationErrors) {
    const fields = collectFieldErrors(validationErrors);
    return {
      message: `Invalid input: ${Object.keys(fields).join(', ')}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', fields },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (code === 'UNAUTHORIZED') {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'FORBIDDEN' } };
  }
  // A crashed validator's wrapper says BAD_USER_INPUT too, but it is our bug: masked below.
  const crashedValidation = original instanceof ArgumentValidationError;
  if (!crashedValidation && (APP_CODES.has(code) || REQUEST_ERROR_CODES.has(code))) {
    return formatted;
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function collectFieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    // Errors on the argument object itself (`input`) name its properties, which is what clients know.
    const name = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) fields[name] = messages[0];
    if (Array.isArray(error.children) && error.children.length > 0) {
      Object.assign(fields, collectFieldErrors(error.children, prefix ? name : ''));
    }
  }
  return fields;
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Drops graphql's "Did you mean …?" hints, which would list the schema's names to a guesser. */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '').trim() };
}
