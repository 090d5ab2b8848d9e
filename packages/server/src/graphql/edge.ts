import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { formatError, withoutSuggestions } from './format-error';
import {
  DEFAULT_LIMITS,
  operationCostError,
  operationLimitsRule,
  type OperationLimits,
} from './limits';

/**
 * Everything both transports apply to an operation before and after it runs: the parse and
 * validation limits, the introspection switch, the cost check with the operation's own
 * variables, and the error formatter. HTTP (Apollo) and graphql-ws take it from here, so an
 * operation refused on one is refused on the other, in the same words.
 */
export interface GraphQLEdge {
  readonly limits: OperationLimits;
  /** Our rules, in addition to graphql's specified ones (Apollo adds those itself). */
  readonly validationRules: readonly ValidationRule[];
  /** Parses and validates a document as Apollo does: errors, or the document. */
  parseAndValidate(source: string): DocumentNode | readonly GraphQLError[];
  /** Variables that execution would refuse, as BAD_USER_INPUT (Apollo's code for them). */
  variableErrors(
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ): readonly GraphQLError[];
  /** The cost check, which needs the variables and so runs after validation. */
  costError(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError | null;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export function createGraphQLEdge(
  schema: GraphQLSchema,
  options: { production: boolean; introspection: boolean; limits?: OperationLimits },
): GraphQLEdge {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const validationRules: ValidationRule[] = [
    operationLimitsRule(limits),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const allRules = [...specifiedRules, ...validationRules];
  const format = (formatted: GraphQLFormattedError, error: unknown) => {
    const result = formatError(formatted, error);
    // Field and enum suggestions describe the schema to whoever guesses at it.
    return options.production ? withoutSuggestions(result) : result;
  };
  return {
    limits,
    validationRules,
    parseAndValidate(source) {
      let document: DocumentNode;
      try {
        document = parse(source, { maxTokens: limits.maxTokens });
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
      }
      const errors = validate(schema, document, allRules);
      if (errors.length === 0) return document;
      return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
    },
    variableErrors(operation, variables) {
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        variables ?? {},
        { maxErrors: 50 },
      );
      return (coerced.errors ?? []).map((error) => withCode(error, 'BAD_USER_INPUT'));
    },
    costError(document, operation, variables) {
      return operationCostError(schema, document, operation, variables, limits);
    },
    formatError: format,
  };
}

/** The codes Apollo gives parse and validation errors over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** The operation a request names, as execution will pick it. */
export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | null {
  return getOperationAST(document, operationName ?? undefined) ?? null;
}
