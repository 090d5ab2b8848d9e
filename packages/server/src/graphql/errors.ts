import { GraphQLError } from 'graphql';
import type { AppErrorCode } from './error-codes';
import {
  messageOf,
  REASONS,
  type Params,
  type ParamsOf,
  type Reason,
  type TakesParams,
} from './reasons';

export type { AppErrorCode } from './error-codes';

/** Why one input field is refused: a reason, with params when its message names some. */
export type FieldProblem = {
  [R in Reason]: TakesParams<R> extends true ? { reason: R; params: ParamsOf<R> } : R;
}[Reason];

/** Problems keyed by the input field's name (`email`, `nested.tags.1`). */
export type FieldProblems = Record<string, FieldProblem>;

/** A field's problem as answered: the reason, its params, and the English message. */
export interface FieldReport {
  reason: Reason;
  params?: Params;
  message: string;
}

/**
 * An error we meant to show. Only `fail` and `badUserInput` make them, so every one carries
 * a reason (for the whole error, or per field) that clients translate.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    extensions: Record<string, unknown>,
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

interface Detail {
  /** Fields the error is about (a CONFLICT on `email`), with their own reasons. */
  fields?: FieldProblems;
  /** Extensions tools already read, such as `retryAfterSeconds` or `limit`. */
  extensions?: Record<string, unknown>;
}

type DetailArgs<R extends Reason> =
  TakesParams<R> extends true
    ? [detail: Detail & { params: ParamsOf<R> }]
    : [detail?: Detail & { params?: undefined }];

/**
 * The error for `reason`: its table's code and English message, with `extensions.reason`
 * (and `params`, when the message names some) for clients to say it in their language.
 */
export function fail<R extends Reason>(reason: R, ...[detail]: DetailArgs<R>): AppError {
  const { params, fields, extensions } = (detail ?? {}) as Detail & { params?: Params };
  return new AppError(REASONS[reason].code, messageOf(reason, params), {
    ...extensions,
    reason,
    ...(params ? { params } : {}),
    ...(fields ? fieldExtensions(reportsOf(fields)) : {}),
  });
}

/** BAD_USER_INPUT naming every refused field, each with its reason. */
export function badUserInput(problems: FieldProblems): AppError {
  return invalidInput(reportsOf(problems));
}

/** BAD_USER_INPUT from field reports made elsewhere (class-validator's, in formatError). */
export function invalidInput(reports: Record<string, FieldReport>): AppError {
  const names = Object.keys(reports).join(', ');
  return new AppError('BAD_USER_INPUT', `Invalid input: ${names}`, fieldExtensions(reports));
}

function reportsOf(problems: FieldProblems): Record<string, FieldReport> {
  const reports: Record<string, FieldReport> = {};
  for (const [field, problem] of Object.entries(problems)) {
    const { reason, params } = typeof problem === 'string' ? { reason: problem } : problem;
    reports[field] = { reason, params, message: messageOf(reason, params) };
  }
  return reports;
}

/**
 * `fields` keeps each field's English message (tools and older clients read it); `reasons`
 * says which reason each is, and `fieldParams` holds the params of those that have some.
 */
function fieldExtensions(reports: Record<string, FieldReport>): Record<string, unknown> {
  const fields: Record<string, string> = {};
  const reasons: Record<string, Reason> = {};
  const fieldParams: Record<string, Params> = {};
  for (const [field, { reason, params, message }] of Object.entries(reports)) {
    fields[field] = message;
    reasons[field] = reason;
    if (params) fieldParams[field] = params;
  }
  return Object.keys(fieldParams).length > 0
    ? { fields, reasons, fieldParams }
    : { fields, reasons };
}
