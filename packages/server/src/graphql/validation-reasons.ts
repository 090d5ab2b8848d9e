import type { ValidationError, ValidationOptions } from 'class-validator';
import type { FieldReport } from './errors';
import { isReason, messageOf, type ParamArgs, type Params, type Reason } from './reasons';

/**
 * Options for a class-validator decorator that refuses with `reason`: its English message,
 * and the reason (with params) in the constraint's context, where formatError finds it.
 */
export function withReason<R extends Reason>(
  reason: R,
  ...[params]: ParamArgs<R>
): ValidationOptions {
  return { message: messageOf(reason, params), context: { reason, params } };
}

/**
 * class-validator's findings by field, the first failed constraint of each. Errors on the
 * argument object itself (`input`) name its properties, which is what clients know. A
 * constraint given no reason (withReason) is INVALID_VALUE, keeping its own message.
 */
export function fieldReportsOf(
  errors: ValidationError[],
  prefix = '',
): Record<string, FieldReport> {
  const reports: Record<string, FieldReport> = {};
  for (const error of errors) {
    const name = prefix ? `${prefix}.${error.property}` : error.property;
    const [constraint] = Object.keys(error.constraints ?? {});
    if (constraint) reports[name] = reportOf(error, constraint);
    if (Array.isArray(error.children) && error.children.length > 0) {
      Object.assign(reports, fieldReportsOf(error.children, prefix ? name : ''));
    }
  }
  return reports;
}

function reportOf(error: ValidationError, constraint: string): FieldReport {
  const message = error.constraints?.[constraint] ?? messageOf('INVALID_VALUE');
  const context: unknown = error.contexts?.[constraint];
  if (!isRecord(context) || !isReason(context.reason)) return { reason: 'INVALID_VALUE', message };
  const params = isParams(context.params) ? context.params : undefined;
  return { reason: context.reason, params, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isParams(value: unknown): value is Params {
  return (
    isRecord(value) &&
    Object.values(value).every((item) => typeof item === 'string' || typeof item === 'number')
  );
}
