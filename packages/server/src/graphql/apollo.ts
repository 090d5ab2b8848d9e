import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AppContext } from './context';
import type { GraphQLEdge } from './edge';
import { isExpectedError } from './format-error';

/**
 * Atrium's Apollo Server: the edge's rules (limits, introspection switch, error formatter), CSRF
 * prevention, and two hooks, the cost limit once the operation is known and the logging of
 * unexpected errors. The HTTP handler's direct path (`http/graphql-handler.ts`) runs the same
 * hooks through the functions below.
 */
export function createApollo(options: {
  schema: GraphQLSchema;
  edge: GraphQLEdge;
  logger: Logger;
  httpServer: Server;
  production: boolean;
}): ApolloServer<AppContext> {
  const { edge } = options;
  return new ApolloServer<AppContext>({
    schema: options.schema,
    // The edge's rules decide introspection, for HTTP and graphql-ws alike.
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    // main.ts owns SIGTERM: it drains WebSockets and the database too, then exits 0.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: edge.limits.maxTokens },
    validationRules: [...edge.validationRules],
    formatError: edge.formatError,
    logger: apolloLogger(options.logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      // Installed implicitly otherwise: it wraps every field resolver of the schema to collect
      // cache hints that nothing here gives, and then says `cache-control: no-store`, which
      // the HTTP handler now says itself.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(edge),
      errorLoggingPlugin,
    ],
  });
}

/** The cost limit, measured with the request's variables once Apollo knows the operation. */
function costLimitPlugin(edge: GraphQLEdge): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const error = operation && edge.costError(document, operation, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * Logs what was not meant to happen, with the request id the client can quote (the answer
 * shows a generic message). Apollo's didEncounterErrors and the direct path both call it.
 */
export function logUnexpectedErrors(context: AppContext, errors: readonly Error[]): void {
  for (const error of errors) {
    if (!isExpectedError(error)) {
      const original = (error as { originalError?: Error }).originalError ?? error;
      context.log.error({ err: original }, 'unexpected error in operation');
    }
  }
}

const errorLoggingPlugin: ApolloServerPlugin<AppContext> = {
  async requestDidStart() {
    return requestListener;
  },
};

const requestListener = {
  async didEncounterErrors({
    contextValue,
    errors,
  }: {
    contextValue: AppContext;
    errors: readonly Error[];
  }) {
    logUnexpectedErrors(contextValue, errors);
  },
};

function apolloLogger(logger: Logger) {
  return {
    debug: (message: string) => logger.debug(message),
    info: (message: string) => logger.info(message),
    warn: (message: string) => logger.warn(message),
    error: (message: string) => logger.error(message),
  };
}
