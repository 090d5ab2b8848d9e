import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { APP_ERROR_CODES, INTERNAL_ERROR_CODE, REQUEST_ERROR_CODES } from './error-codes';
import { invalidInput } from './errors';
import { fieldReportsOf } from './validation-reasons';

const REQUEST_CODES = new Set<string>(REQUEST_ERROR_CODES);
const APP_CODES = new Set<string>(APP_ERROR_CODES);

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
    return APP_CODES.has(code) || REQUEST_CODES.has(code) || code === 'UNAUTHORIZED';
  }
  return false;
}

/**
 * Apollo's formatError: validation failures become BAD_USER_INPUT with `fields` and their
 * `reasons`, TypeGraphQL's UNAUTHORIZED becomes FORBIDDEN and its UNAUTHENTICATED (from
 * `@Authorized()`) gets our reason, and anything unexpected becomes a generic message (it is
 * logged with the request id by the error-logging plugin).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const validationErrors = validationErrorsOf(original);
  if (validationErrors) {
    const { message, extensions } = invalidInput(fieldReportsOf(validationErrors));
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (code === 'UNAUTHORIZED') {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'FORBIDDEN' } };
  }
  if (code === 'UNAUTHENTICATED' && formatted.extensions?.reason === undefined) {
    return { ...formatted, extensions: { ...formatted.extensions, reason: 'SIGN_IN_REQUIRED' } };
  }
  // A crashed validator's wrapper says BAD_USER_INPUT too, but it is our bug: masked below.
  const crashedValidation = original instanceof ArgumentValidationError;
  if (!crashedValidation && (APP_CODES.has(code) || REQUEST_CODES.has(code))) {
    return formatted;
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: INTERNAL_ERROR_CODE },
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Drops graphql's "Did you mean …?" hints, which would list the schema's names to a guesser. */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '').trim() };
}
