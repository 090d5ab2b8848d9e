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
import { LRUCache } from 'lru-cache';
import { formatError, withoutSuggestions } from './format-error';
import {
  DEFAULT_LIMITS,
  measuredCostError,
  operationCostError,
  operationLimitsRule,
  type OperationLimits,
} from './limits';

/**
 * An operation ready to run: its document parsed and validated (once per document text), and
 * the operation the request names in it.
 */
export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /**
   * The cost check, which needs the coerced variables: an operation that declares none costs
   * the same every time, so its verdict is kept here.
   */
  costError(coercedVariables: Record<string, unknown>): GraphQLError | null;
}

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
  /**
   * Parses and validates a document as Apollo does: errors, or the document. Remembered per
   * document text (the most recent ones, up to a few MB of text), as Apollo's document store
   * remembers valid ones.
   */
  parseAndValidate(source: string): DocumentNode | readonly GraphQLError[];
  /**
   * The operation `operationName` picks in a valid document, or null: the document has errors,
   * or holds no such operation (the caller lets Apollo say so, in its words).
   */
  prepare(source: string, operationName: string | null | undefined): PreparedOperation | null;
  /** Variables as execution coerces them, or the errors that would refuse them. */
  coerceVariables(
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | null | undefined,
  ): { coerced: Record<string, unknown> } | { errors: readonly GraphQLError[] };
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
  const parseAndValidate = (source: string): DocumentNode | readonly GraphQLError[] => {
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
  };
  const documents = new LRUCache<string, CachedDocument>({
    maxSize: DOCUMENT_CACHE_CHARS,
    sizeCalculation: (_entry, source) => Math.max(1, source.length),
  });
  const cached = (source: string): CachedDocument => {
    let entry = documents.get(source);
    if (!entry) {
      entry = { result: parseAndValidate(source), operations: new Map() };
      if (source.length <= DOCUMENT_CACHE_CHARS / 100) documents.set(source, entry);
    }
    return entry;
  };
  const costError = (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    coerced: Record<string, unknown>,
  ) => measuredCostError(schema, document, operation, coerced, limits);

  return {
    limits,
    validationRules,
    parseAndValidate: (source) => cached(source).result,
    prepare(source, operationName) {
      const entry = cached(source);
      if (!('kind' in entry.result)) return null;
      const document = entry.result;
      const key = operationName ?? null;
      let prepared = entry.operations.get(key);
      if (!prepared) {
        const operation = selectOperation(document, operationName);
        if (!operation) return null;
        prepared = prepare(document, operation, costError);
        // Only operations the document holds: a name that matches none is not remembered.
        entry.operations.set(key, prepared);
      }
      return prepared;
    },
    coerceVariables(operation, variables) {
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        variables ?? {},
        { maxErrors: 50 },
      );
      if (!coerced.errors) return { coerced: coerced.coerced };
      return { errors: coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')) };
    },
    variableErrors(operation, variables) {
      const coerced = this.coerceVariables(operation, variables);
      return 'errors' in coerced ? coerced.errors : [];
    },
    costError(document, operation, variables) {
      return operationCostError(schema, document, operation, variables, limits);
    },
    formatError: format,
  };
}

/** How much document text the edge remembers, in characters. */
const DOCUMENT_CACHE_CHARS = 4 * 1024 * 1024;

interface CachedDocument {
  result: DocumentNode | readonly GraphQLError[];
  /** By the name the request gave (null: none). */
  operations: Map<string | null, PreparedOperation>;
}

function prepare(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  costError: (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    coerced: Record<string, unknown>,
  ) => GraphQLError | null,
): PreparedOperation {
  if (operation.variableDefinitions?.length) {
    return {
      document,
      operation,
      costError: (coerced) => costError(document, operation, coerced),
    };
  }
  const fixed = costError(document, operation, {});
  return { document, operation, costError: () => fixed };
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
