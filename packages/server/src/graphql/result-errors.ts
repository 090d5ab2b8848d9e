import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { INTERNAL_ERROR_CODE } from './error-codes';
import { INTERNAL_ERROR_MESSAGE } from './format-error';

/** An answer's errors, with the status and headers they ask for. */
export interface AnsweredErrors {
  errors: GraphQLFormattedError[];
  status?: number;
  headers: Map<string, string>;
}

/**
 * An operation's errors as Apollo Server 5 answers them (its `normalizeAndFormatErrors`), for
 * the HTTP handler's direct path: anything thrown becomes a GraphQLError; the code defaults to
 * INTERNAL_SERVER_ERROR; `extensions.http` leaves the error for the answer's status and
 * headers; outside production the stack trace is added; then the edge's formatter decides what
 * the client sees, and if it throws, the client sees the generic error. The parity test sends
 * the same requests down both paths and compares the answers byte for byte.
 */
export function answerErrors(
  errors: readonly unknown[],
  options: {
    formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
    includeStacktrace: boolean;
  },
): AnsweredErrors {
  const answer: AnsweredErrors = { errors: [], headers: new Map() };
  const enrich = (thrown: unknown): GraphQLFormattedError => {
    const error = asGraphQLError(thrown);
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? INTERNAL_ERROR_CODE,
    };
    if (isHttpHead(extensions.http)) {
      if (extensions.http.status) answer.status = extensions.http.status;
      for (const [name, value] of extensions.http.headers ?? []) answer.headers.set(name, value);
      delete extensions.http;
    }
    if (options.includeStacktrace) extensions.stacktrace = error.stack?.split('\n');
    return { ...error.toJSON(), extensions };
  };
  for (const error of errors) {
    try {
      answer.errors.push(options.formatError(enrich(error), error));
    } catch (formattingError) {
      answer.errors.push(
        options.includeStacktrace
          ? enrich(formattingError)
          : { message: INTERNAL_ERROR_MESSAGE, extensions: { code: INTERNAL_ERROR_CODE } },
      );
    }
  }
  return answer;
}

/** Apollo's `ensureGraphQLError`. */
export function asGraphQLError(thrown: unknown): GraphQLError {
  const error =
    thrown instanceof Error
      ? thrown
      : new GraphQLError(`Unexpected error value: ${String(thrown)}`);
  return error instanceof GraphQLError
    ? error
    : new GraphQLError(error.message, { originalError: error });
}

function isHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  return (
    !!value &&
    typeof value === 'object' &&
    (!('status' in value) || typeof value.status === 'number') &&
    (!('headers' in value) || value.headers instanceof Map)
  );
}
