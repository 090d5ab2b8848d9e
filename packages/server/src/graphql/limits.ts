import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Every field costs 1; a field with `first: n` multiplies what is under it by n. */
  maxCost: number;
  maxTokens: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5000,
  maxTokens: 2000,
};

/**
 * One validation rule for depth, aliases and cost, so HTTP and graphql-ws reject the same
 * abusive operations before anything executes.
 */
export function operationLimitsRule(limits: OperationLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const measure = measureSelection(operation.selectionSet, fragments, 1, new Set());
        const name = operation.name?.value ?? 'anonymous operation';
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
        if (measure.cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(`${name} costs ${measure.cost}; the limit is ${limits.maxCost}`),
          );
        }
      },
    };
  };
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

function measureSelection(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  visiting: Set<string>,
): Measure {
  const total: Measure = { depth, aliases: 0, cost: 0 };
  for (const selection of selectionSet.selections) {
    let inner: Measure | null = null;
    let multiplier = 1;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) total.aliases += 1;
      total.cost += 1;
      const first = selection.arguments?.find((arg) => arg.name.value === 'first');
      if (first?.value.kind === Kind.INT) multiplier = Math.max(1, Number(first.value.value));
      if (selection.selectionSet) {
        inner = measureSelection(selection.selectionSet, fragments, depth + 1, visiting);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measureSelection(selection.selectionSet, fragments, depth, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Cycles are reported by graphql's own NoFragmentCycles rule; just do not loop on them.
      if (fragment && !visiting.has(name)) {
        visiting.add(name);
        inner = measureSelection(fragment.selectionSet, fragments, depth, visiting);
        visiting.delete(name);
      }
    }
    if (inner) {
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.cost += inner.cost * multiplier;
    }
  }
  return total;
}
