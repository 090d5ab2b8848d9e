import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every place a client can put a string, found in the schema as the server builds it, so that a new
 * operation is covered without anyone listing it: each String or ID argument, and each String
 * or ID field of an input object (at any depth, lists included), of every query and mutation
 * root field, and of the fields with arguments one level below a query (Organization.members).
 */
export interface StringTarget {
  /** e.g. `Mutation.updateProfile(input.fullName)` */
  label: string;
  operation: 'query' | 'mutation';
  /** The root field, then the nested field when the string is one of its arguments. */
  fields: Array<GraphQLField<unknown, unknown>>;
  /** The argument of the last field, then input-object field names or list indexes ('0'). */
  argument: GraphQLArgument;
  inner: string[];
  /** The name and type of the string itself: the argument's, or the input field's. */
  leaf: { name: string; type: 'String' | 'ID' };
  /** The key the input layer names in `extensions.fields` (input objects are not prefixed). */
  reportedAs: string;
}

export function stringTargets(schema: GraphQLSchema): StringTarget[] {
  const targets: StringTarget[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  for (const [operation, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      targets.push(...targetsOf(operation, [field]));
    }
  }
  // Fields with arguments below a query, reached through a query field that needs no arguments.
  for (const via of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const type = getNamedType(via.type);
    if (via.args.some((arg) => isNonNullType(arg.type)) || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const seen = targets.some((t) => t.fields.length === 2 && t.fields[1] === field);
      if (!seen) targets.push(...targetsOf('query', [via, field]));
    }
  }
  return targets;
}

function targetsOf(
  operation: 'query' | 'mutation',
  fields: Array<GraphQLField<unknown, unknown>>,
): StringTarget[] {
  const field = fields[fields.length - 1];
  const label = `${operation === 'query' ? 'Query' : 'Mutation'}.${fields.map((f) => f.name).join('.')}`;
  return field.args.flatMap((argument) =>
    stringPaths(argument.type, argument.name, 0).map(({ inner, leaf }) => ({
      label: `${label}(${[argument.name, ...inner].join('.')})`,
      operation,
      fields,
      argument,
      inner,
      leaf,
      reportedAs: isInputObjectType(getNullable(argument.type))
        ? inner.join('.')
        : [argument.name, ...inner].join('.'),
    })),
  );
}

type StringPath = Pick<StringTarget, 'inner' | 'leaf'>;

function stringPaths(type: GraphQLInputType, name: string, depth: number): StringPath[] {
  const inner = getNullable(type);
  if (isListType(inner)) {
    return stringPaths(inner.ofType, name, depth).map((p) => ({ ...p, inner: ['0', ...p.inner] }));
  }
  if (isInputObjectType(inner)) {
    if (depth > 3) return [];
    return Object.values(inner.getFields()).flatMap((field) =>
      stringPaths(field.type, field.name, depth + 1).map((p) => ({
        ...p,
        inner: [field.name, ...p.inner],
      })),
    );
  }
  return inner.name === 'String' || inner.name === 'ID'
    ? [{ inner: [], leaf: { name, type: inner.name } }]
    : [];
}

const getNullable = (type: GraphQLInputType): GraphQLInputType =>
  isNonNullType(type) ? type.ofType : type;

/** Valid strings by argument or input field name; anything else gets `fallback`. */
export type ValidStrings = (name: string, type: 'String' | 'ID') => string;

/**
 * The operation that sends `hostile` into the target, with every other required argument and
 * input field given a valid value, all as variables (the way the SPA sends them).
 */
export function targetRequest(
  target: StringTarget,
  hostile: string,
  valid: ValidStrings,
): { document: DocumentNode; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const calls = target.fields.map((field, level) => {
    const passed = field.args.filter(
      (arg) =>
        arg === target.argument || (isNonNullType(arg.type) && arg.defaultValue === undefined),
    );
    const args = passed.map((arg) => {
      const name = `v${level}_${arg.name}`;
      definitions.push(`$${name}: ${String(arg.type)}`);
      let value = validValue(arg.type, arg.name, valid);
      if (arg === target.argument)
        value = withHostile(value, arg.type, target.inner, hostile, valid);
      variables[name] = value;
      return `${arg.name}: $${name}`;
    });
    return args.length > 0 ? `${field.name}(${args.join(', ')})` : field.name;
  });
  const last = target.fields[target.fields.length - 1];
  let selection = isCompositeType(getNamedType(last.type)) ? '{ __typename }' : '';
  for (let i = calls.length - 1; i >= 0; i -= 1) {
    selection =
      i === calls.length - 1 ? `${calls[i]} ${selection}` : `${calls[i]} { ${selection} }`;
  }
  const header = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  return { document: parse(`${target.operation} Hostile${header} { ${selection} }`), variables };
}

function validValue(type: GraphQLInputType, name: string, valid: ValidStrings): unknown {
  const inner = getNullable(type);
  if (isListType(inner)) return [validValue(inner.ofType, name, valid)];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = validValue(field.type, field.name, valid);
    }
    return value;
  }
  if (isEnumType(inner)) {
    const names = inner.getValues().map((v) => v.name);
    // Roles: the lowest but one, which an owner may grant.
    return names.includes('MEMBER') ? 'MEMBER' : names[0];
  }
  switch (inner.name) {
    case 'Boolean':
      return false;
    case 'Int':
    case 'Float':
      return 10;
    case 'String':
    case 'ID':
      return valid(name, inner.name);
    case 'DateTimeISO':
      return new Date(Date.now() - 60_000).toISOString();
    case 'JSONObject':
      return {};
    default:
      throw new Error(`No valid value for scalar ${inner.name} (${name}): teach schema-targets.ts`);
  }
}

/** `value` (valid) with the string at `inner` replaced by the hostile one. */
function withHostile(
  value: unknown,
  type: GraphQLInputType,
  inner: string[],
  hostile: string,
  valid: ValidStrings,
): unknown {
  if (inner.length === 0) return hostile;
  const nullable = getNullable(type);
  if (isListType(nullable)) {
    return [
      withHostile(
        validValue(nullable.ofType, '', valid),
        nullable.ofType,
        inner.slice(1),
        hostile,
        valid,
      ),
    ];
  }
  if (!isInputObjectType(nullable)) throw new Error(`cannot descend into ${String(type)}`);
  const [name, ...rest] = inner;
  const field = nullable.getFields()[name];
  const object = { ...(value as Record<string, unknown>) };
  object[name] = withHostile(validValue(field.type, name, valid), field.type, rest, hostile, valid);
  return object;
}
