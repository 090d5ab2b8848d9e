import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  GraphQLID,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { cleanText } from '../lib/text';
import { badUserInput, type FieldProblems } from './errors';

/**
 * The one input layer: every field that takes arguments (every query, mutation and
 * subscription, and Organization.members) first has each string in its arguments, at any depth,
 * checked and replaced by its NFC form (lib/text), or the whole call is refused as
 * BAD_USER_INPUT naming every offending field. It runs before TypeGraphQL's auth check,
 * conversion and class-validator, so validators and resolvers only ever see clean NFC text.
 *
 * It wraps the built schema's resolvers rather than being a TypeGraphQL `globalMiddlewares`
 * entry (in 2.0.0-rc.4 those run after the auth check and before conversion and validation,
 * so they would do too): a global middleware also puts every plain object field behind an async
 * dispatch, which in a micro-benchmark took executing a five-field object from about 5.5 µs to
 * 14 µs. Here fields without arguments are left alone. A signed-out caller sending malformed
 * text hears BAD_USER_INPUT before UNAUTHENTICATED; nothing is read or written either way.
 */
export function guardStringArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const ids = idChecker(field.args);
      field.resolve = guarded(field.resolve ?? defaultFieldResolver, ids);
      if (field.subscribe) field.subscribe = guarded(field.subscribe, ids);
    }
  }
  return schema;
}

function guarded<TSource, TContext>(
  resolve: GraphQLFieldResolver<TSource, TContext>,
  checkIds: IdChecker | null,
): GraphQLFieldResolver<TSource, TContext> {
  return (source, args: Record<string, unknown>, context, info) => {
    const errors = cleanArguments(args);
    if (checkIds && Object.keys(errors).length === 0) checkIds(args, errors);
    if (Object.keys(errors).length > 0) throw badUserInput(errors);
    return resolve(source, args, context, info);
  };
}

/**
 * Replaces, in place, every string in `args` by its NFC form and returns the refused ones by
 * field. An input object's fields are named without the argument's name (`fullName`, not
 * `input.fullName`), as class-validator's errors are (errors.ts), so clients see one shape.
 */
export function cleanArguments(args: Record<string, unknown>): FieldProblems {
  const errors: FieldProblems = {};
  cleanObject(args, errors, (name, value) => (isPlainObject(value) ? '' : name));
  return errors;
}

/** The cleaned value: a new string, or the same array or object with its contents cleaned. */
function cleanValue(value: unknown, path: string, errors: FieldProblems): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value);
    if (cleaned.ok) return cleaned.text;
    errors[path] = cleaned.problem;
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      const cleaned = cleanValue(item, join(path, String(i)), errors);
      if (cleaned !== item) value[i] = cleaned;
    });
  } else if (isPlainObject(value)) {
    cleanObject(value, errors, (field) => join(path, field));
  }
  return value;
}

function cleanObject(
  object: Record<string, unknown>,
  errors: FieldProblems,
  pathOf: (field: string, value: unknown) => string,
): void {
  for (const [field, value] of Object.entries(object)) {
    const cleaned = cleanValue(value, pathOf(field, value), errors);
    if (cleaned !== value) object[field] = cleaned;
  }
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Coerced input objects are plain objects; anything else a custom scalar might produce (a Date,
 * an upload stream) is not text and is left alone.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Every id this API gives out is a lowercase UUID (db/columns `newId`). Anything else in an `ID`
 * argument is refused here, by name, before a query runs: MariaDB compares `utf8mb4` text under
 * a collation that ignores case and combining marks, so `<id>\u0301` would otherwise find the
 * row `<id>` there (and not on SQLite), and a service that stored the argument as given would
 * write a value that is no id at all.
 */
const WELL_FORMED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isWellFormedId = (value: string): boolean => WELL_FORMED_ID.test(value);

type IdChecker = (args: Record<string, unknown>, errors: FieldProblems) => void;

/** A check of the `ID` values in a field's arguments, or null when they can hold none. */
function idChecker(args: readonly GraphQLArgument[]): IdChecker | null {
  const withIds = args.filter((arg) => holdsIds(arg.type, new Set()));
  if (withIds.length === 0) return null;
  return (values, errors) => {
    for (const arg of withIds) {
      const value = values[arg.name];
      // Named as cleanArguments names them: an input object's fields without the argument.
      checkIds(arg.type, value, isPlainObject(value) ? '' : arg.name, errors);
    }
  };
}

function holdsIds(type: GraphQLInputType, seen: Set<GraphQLInputType>): boolean {
  const inner = unwrap(type);
  if (isScalarType(inner)) return inner.name === GraphQLID.name;
  if (!isInputObjectType(inner) || seen.has(inner)) return false;
  seen.add(inner);
  return Object.values(inner.getFields()).some((field) => holdsIds(field.type, seen));
}

function unwrap(type: GraphQLInputType): GraphQLInputType {
  const nullable = getNullableType(type);
  return isListType(nullable) ? unwrap(nullable.ofType) : nullable;
}

function checkIds(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  errors: FieldProblems,
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) =>
        checkIds(nullable.ofType, item, join(path, String(i)), errors),
      );
    }
  } else if (isScalarType(nullable)) {
    if (nullable.name === GraphQLID.name && typeof value === 'string' && !isWellFormedId(value)) {
      errors[path] = 'INVALID_ID';
    }
  } else if (isInputObjectType(nullable) && isPlainObject(value)) {
    for (const field of Object.values(nullable.getFields())) {
      checkIds(field.type, value[field.name], join(path, field.name), errors);
    }
  }
}
