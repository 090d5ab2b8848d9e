import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /**
   * Every field costs 1; a field with a `first` argument multiplies what is under it by the
   * coerced value of `first` (from a literal, a variable or its default), or by
   * `defaultListSize` when the caller leaves it out.
   */
  maxCost: number;
  maxTokens: number;
  defaultListSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5000,
  maxTokens: 2000,
  defaultListSize: 20,
};

/** What an operation (or a fragment) adds up to, and how many selection sets were walked. */
export interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Measures one operation. Each fragment is measured once and its measure reused at every
 * spread: a chain of fragments that each spread the next one twice is exponential to expand
 * but linear to measure. `visits` counts the selection sets walked, so tests can prove it.
 */
export class OperationMeter {
  visits = 0;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly defaultListSize: number,
    /** Coerced variable values; without them, cost is not measured (validation has none). */
    private readonly variables: Record<string, unknown> | null,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        this.fragments.set(definition.name.value, definition);
    }
  }

  measureOperation(operation: OperationDefinitionNode): Measure {
    const root =
      operation.operation === 'query'
        ? this.schema.getQueryType()
        : operation.operation === 'mutation'
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    return this.measureSelection(operation.selectionSet, root ?? undefined, 1);
  }

  /** Depth is counted from `depth`, the level of the selection set's own fields. */
  private measureSelection(
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | undefined,
    depth: number,
  ): Measure {
    this.visits += 1;
    const total: Measure = { depth, aliases: 0, cost: 0 };
    const add = (inner: Measure, multiplier = 1, offset = 0) => {
      total.depth = Math.max(total.depth, inner.depth + offset);
      total.aliases += inner.aliases;
      total.cost += inner.cost * multiplier;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) total.aliases += 1;
        total.cost += 1;
        if (!selection.selectionSet) continue;
        const field =
          isObjectType(parentType) || isInterfaceType(parentType)
            ? parentType.getFields()[selection.name.value]
            : undefined;
        const inner = this.measureSelection(
          selection.selectionSet,
          field ? getNamedType(field.type) : undefined,
          depth + 1,
        );
        add(inner, this.listMultiplier(field, selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parentType;
        add(this.measureSelection(selection.selectionSet, type, depth));
      } else {
        // A fragment is measured from level 0 and shifted to where it is spread.
        const fragment = this.measureFragment(selection.name.value);
        if (fragment) add(fragment, 1, depth - 1);
      }
    }
    return total;
  }

  private measureFragment(name: string): Measure | null {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Cycles are reported by graphql's own NoFragmentCycles rule; just do not loop on them.
    if (!fragment || this.inProgress.has(name)) return null;
    this.inProgress.add(name);
    const type = this.schema.getType(fragment.typeCondition.name.value);
    const measure = this.measureSelection(fragment.selectionSet, type, 1);
    this.inProgress.delete(name);
    this.measured.set(name, measure);
    return measure;
  }

  private listMultiplier(
    field: Parameters<typeof getArgumentValues>[0] | undefined,
    node: Parameters<typeof getArgumentValues>[1],
  ): number {
    if (!this.variables || !field?.args.some((arg) => arg.name === 'first')) return 1;
    let first: unknown;
    try {
      first = getArgumentValues(field, node, this.variables).first;
    } catch {
      return 1; // a bad argument fails execution with its own error
    }
    if (first === undefined || first === null) return this.defaultListSize;
    return typeof first === 'number' && first > 1 ? first : 1;
  }
}

/**
 * Depth and aliases, as a validation rule: HTTP and graphql-ws refuse the same operations
 * before anything executes. Cost depends on variables, which validation does not see (and
 * Apollo caches validation per document): `operationCostError` checks it afterwards.
 */
export function operationLimitsRule(limits: OperationLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const meter = new OperationMeter(
      context.getSchema(),
      context.getDocument(),
      limits.defaultListSize,
      null,
    );
    return {
      OperationDefinition(operation) {
        const measure = meter.measureOperation(operation);
        const name = operationLabel(operation);
        if (measure.depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(
              `${name} is nested ${measure.depth} deep; the limit is ${limits.maxDepth}`,
            ),
          );
        }
        if (measure.aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(
              `${name} uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`,
            ),
          );
        }
      },
    };
  };
}

/**
 * The cost of the operation that will run, with its variables coerced as execution will
 * coerce them. Null when within the limit, or when the variables are invalid (execution
 * reports those itself).
 */
export function operationCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | null | undefined,
  limits: OperationLimits,
): GraphQLError | null {
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
    { maxErrors: 1 },
  );
  if (coerced.errors) return null;
  return measuredCostError(schema, document, operation, coerced.coerced, limits);
}

/** The cost check with variables already coerced. */
export function measuredCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coercedVariables: Record<string, unknown>,
  limits: OperationLimits,
): GraphQLError | null {
  const meter = new OperationMeter(schema, document, limits.defaultListSize, coercedVariables);
  const { cost } = meter.measureOperation(operation);
  if (cost <= limits.maxCost) return null;
  return new GraphQLError(
    `${operationLabel(operation)} costs ${formatCost(cost)}; the limit is ${limits.maxCost}`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
  );
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name?.value ?? 'anonymous operation';
}

function formatCost(cost: number): string {
  return cost < 1e15 ? String(cost) : 'more than 10^15';
}
