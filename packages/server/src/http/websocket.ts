import type { IncomingMessage, Server } from 'node:http';
import type { BlockList } from 'node:net';
import type { Duplex } from 'node:stream';
import { parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
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
  socket: WebSocket;
  credentials: { authorization: string | null; cookieHeader: string | null };
  auth: Authenticated | null;
  activeOperations: number;
}

/** How long a revoked connection with live operations may take to deliver the REVOKED event. */
const REVOKED_DELIVERY_GRACE_MS = 250;

/**
 * graphql-ws on the HTTP server's `/graphql`: the upgrade is refused for foreign origins, the
 * connection is authenticated by the same function as HTTP, and every operation passes the
 * same parse and validation limits.
 */
export function attachGraphQLWebSocket(options: WebSocketOptions): { close(): Promise<void> } {
  const { services, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const state = new WeakMap<object, ConnectionState>();
  /** Open connections by the session they authenticated with, to close them when it is revoked. */
  const bySession = new Map<string, Set<ConnectionState>>();

  const track = (connection: ConnectionState) => {
    const sessionId = connection.auth?.session.id;
    if (!sessionId) return;
    let connections = bySession.get(sessionId);
    if (!connections) bySession.set(sessionId, (connections = new Set()));
    connections.add(connection);
    connection.socket.once('close', () => {
      connections.delete(connection);
      if (connections.size === 0) bySession.delete(sessionId);
    });
  };

  const revocations = services.pubSub.subscribe('SESSION_REVOKED');
  void (async () => {
    for await (const { sessionId } of revocations) {
      for (const connection of bySession.get(sessionId) ?? []) {
        // A socket with operations gets a moment to deliver the REVOKED event first (its
        // sessionEvents resolver closes it right after); an idle one is closed at once.
        if (connection.activeOperations > 0) {
          setTimeout(() => closeForbidden(connection.socket), REVOKED_DELIVERY_GRACE_MS).unref();
        } else {
          closeForbidden(connection.socket);
        }
      }
    }
  })();

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
          socket: ctx.extra.socket,
          activeOperations: 0,
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
        track(connection);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = state.get(ctx.extra.socket);
        if (!connection) return;
        // The session may have been revoked since the connection opened.
        if (connection.auth) {
          const result = await authenticate(services, connection.credentials);
          if (result.rejected) {
            closeForbidden(ctx.extra.socket);
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
        connection.activeOperations += 1;
        return {
          schema: options.schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue: wsContext(connection, ctx.extra.request),
        };
      },
      onComplete: (ctx) => {
        const connection = state.get(ctx.extra.socket);
        if (connection) connection.activeOperations = Math.max(0, connection.activeOperations - 1);
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
    authVia: connection.credentials.authorization ? 'bearer' : 'cookie',
    cookies: NO_COOKIES,
    services,
    log: logger.child({ reqId: connection.requestId }),
    connection: {
      // After the current message is handed to the socket (same tick), then close.
      closeAfterDelivery: () => setImmediate(() => closeForbidden(connection.socket)),
    },
  });

  return {
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      await revocations.return?.();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function closeForbidden(socket: WebSocket): void {
  if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
    socket.close(FORBIDDEN_CLOSE_CODE, 'Forbidden');
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
