import type { IncomingMessage, Server } from 'node:http';
import type { BlockList } from 'node:net';
import type { Duplex } from 'node:stream';
import { parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { authenticate } from '../graphql/authenticate';
import { NO_COOKIES, type AppContext } from '../graphql/context';
import type { Authenticated } from '../modules/session/session.service';
import type { Services } from '../services';
import { clientAddress } from './client-address';

/** Close code for a connection whose credentials are refused (graphql-ws's Forbidden). */
export const FORBIDDEN_CLOSE_CODE = 4403;

export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  allowedOrigins: ReadonlySet<string>;
  trustedProxies: BlockList;
  validationRules: ValidationRule[];
  maxTokens: number;
  newRequestId: () => string;
}

interface ConnectionState {
  requestId: string;
  credentials: { authorization: string | null; cookieHeader: string | null };
  auth: Authenticated | null;
}

/**
 * graphql-ws on the HTTP server's `/graphql`: the upgrade is refused for foreign origins, the
 * connection is authenticated by the same function as HTTP, and every operation passes the
 * same parse and validation limits.
 */
export function attachGraphQLWebSocket(options: WebSocketOptions): { close(): Promise<void> } {
  const { services, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const state = new WeakMap<object, ConnectionState>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = (request.url ?? '/').split('?')[0];
    const origin = request.headers.origin;
    if (pathname !== '/graphql') return refuse(socket, 404, 'Not Found');
    // Browsers always send Origin; a page on another site must not ride the user's cookie.
    if (origin !== undefined && !options.allowedOrigins.has(origin))
      return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const rules = [...specifiedRules, ...options.validationRules];
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const connection: ConnectionState = {
          requestId: options.newRequestId(),
          credentials: {
            authorization: typeof authorization === 'string' ? authorization : null,
            cookieHeader: ctx.extra.request.headers.cookie ?? null,
          },
          auth: null,
        };
        const result = await authenticate(services, connection.credentials);
        if (result.rejected) return false;
        connection.auth = result.auth;
        state.set(ctx.extra.socket, connection);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = state.get(ctx.extra.socket);
        if (!connection) return;
        // The session may have been revoked since the connection opened.
        if (connection.auth) {
          const result = await authenticate(services, connection.credentials);
          if (result.rejected) {
            ctx.extra.socket.close(FORBIDDEN_CLOSE_CODE, 'Forbidden');
            return [];
          }
          connection.auth = result.auth;
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error as import('graphql').GraphQLError];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors;
        return {
          schema: options.schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue: wsContext(connection, ctx.extra.request),
        };
      },
    },
    wss,
  );

  const wsContext = (connection: ConnectionState, request: IncomingMessage): AppContext => ({
    requestId: connection.requestId,
    client: {
      ip: clientAddress(request, options.trustedProxies),
      userAgent: request.headers['user-agent'] ?? null,
    },
    acceptLanguage: request.headers['accept-language'] ?? null,
    auth: connection.auth,
    cookies: NO_COOKIES,
    services,
    log: logger.child({ reqId: connection.requestId }),
  });

  return {
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
