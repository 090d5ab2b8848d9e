import type { IncomingMessage, Server } from 'node:http';
import type { BlockList } from 'node:net';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { NO_COOKIES, createContext } from '../graphql/context';
import { selectOperation, type GraphQLEdge } from '../graphql/edge';
import { isExpectedError } from '../graphql/format-error';
import { anonymous, callerKey, type Caller, type ClientInfo } from '../caller/caller';
import type { Credentials } from '../caller/authenticate';
import type { Services } from '../core/module';
import { clientAddress } from './client-address';

/** Close code for a connection whose credentials are refused (graphql-ws's Forbidden). */
export const FORBIDDEN_CLOSE_CODE = 4403;
/** Close code for a connection over the per-account (or per-address) cap: not a sign-out. */
export const TOO_MANY_CONNECTIONS_CLOSE_CODE = 4429;

export interface WebSocketCaps {
  /** Open sockets per signed-in account, or per client address for anonymous ones. */
  connectionsPerCaller: number;
  /** Operations running at once on one socket. */
  operationsPerConnection: number;
  /** How long a socket may stay open without sending `connection_init`. */
  connectionInitTimeoutMs: number;
}

export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  trustedProxies: BlockList;
  edge: GraphQLEdge;
  caps: WebSocketCaps;
  newRequestId: () => string;
}

interface ConnectionState {
  requestId: string;
  /** The account or key id, or `ip:<address>` for an anonymous socket: what the cap counts by. */
  capKey: string;
  request: IncomingMessage;
  socket: WebSocket;
  credentials: Credentials;
  client: ClientInfo;
  /** Who the connection authenticated as; re-checked at every operation. */
  caller: Caller;
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
    const sessionId = connection.caller.kind === 'PERSON' ? connection.caller.session.id : null;
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
    if (origin !== undefined && !options.services.site.allowsOrigin(origin))
      return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  /** Open sockets per caller, for the cap. */
  const byCaller = new Map<string, number>();
  const countCaller = (caller: string, socket: WebSocket): boolean => {
    const open = byCaller.get(caller) ?? 0;
    if (open >= options.caps.connectionsPerCaller) return false;
    byCaller.set(caller, open + 1);
    socket.once('close', () => {
      const left = (byCaller.get(caller) ?? 1) - 1;
      if (left > 0) byCaller.set(caller, left);
      else byCaller.delete(caller);
    });
    return true;
  };

  const { edge } = options;
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: options.caps.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const request = ctx.extra.request;
        const connection: ConnectionState = {
          requestId: options.newRequestId(),
          capKey: '',
          request,
          socket: ctx.extra.socket,
          activeOperations: 0,
          credentials: {
            authorization: typeof authorization === 'string' ? authorization : null,
            cookieHeader: request.headers.cookie ?? null,
          },
          client: {
            ip: clientAddress(request, options.trustedProxies),
            userAgent: request.headers['user-agent'] ?? null,
          },
          caller: anonymous({ ip: null, userAgent: null }),
        };
        const { context, rejected } = await contextFor(connection);
        if (rejected) return false;
        connection.caller = context.caller;
        connection.capKey = callerKey(context.caller);
        if (!countCaller(connection.capKey, ctx.extra.socket)) {
          // Not 4403: the SPA reads that as a sign-out.
          ctx.extra.socket.close(TOO_MANY_CONNECTIONS_CLOSE_CODE, 'Too many connections');
          return false;
        }
        state.set(ctx.extra.socket, connection);
        track(connection);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = state.get(ctx.extra.socket);
        if (!connection) return;
        if (connection.activeOperations >= options.caps.operationsPerConnection) {
          return [
            new GraphQLError(
              `Too many operations on this connection; the limit is ${options.caps.operationsPerConnection}`,
              { extensions: { code: 'BAD_REQUEST' } },
            ),
          ];
        }
        // Reserved before the first await, so operations sent together cannot all pass the cap.
        connection.activeOperations += 1;
        const refused = await prepareOperation(connection, payload);
        if (Array.isArray(refused)) connection.activeOperations -= 1;
        return refused;
      },
      // The same formatting (and logging of the unexpected) as Apollo gives HTTP answers.
      onError: (ctx, _id, _payload, errors) =>
        errors.map((error) => formatAndLog(ctx.extra.socket, error)),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => formatAndLog(ctx.extra.socket, e)) }
          : undefined,
      onComplete: (ctx) => {
        const connection = state.get(ctx.extra.socket);
        if (connection) connection.activeOperations = Math.max(0, connection.activeOperations - 1);
      },
    },
    wss,
  );

  const prepareOperation = async (
    connection: ConnectionState,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    // The session or key may have been revoked since the connection opened.
    const { context, rejected } = await contextFor(connection);
    if (rejected) {
      closeForbidden(connection.socket);
      return [];
    }
    connection.caller = context.caller;
    const document = edge.parseAndValidate(payload.query);
    if (!('kind' in document)) return document;
    const operation = selectOperation(document, payload.operationName);
    if (operation) {
      const variableErrors = edge.variableErrors(operation, payload.variables);
      if (variableErrors.length > 0) return variableErrors;
      const costError = edge.costError(document, operation, payload.variables);
      if (costError) return [costError];
    }
    return {
      schema: options.schema,
      document,
      variableValues: payload.variables ?? undefined,
      operationName: payload.operationName ?? undefined,
      contextValue: context,
    };
  };

  const formatAndLog = (socket: WebSocket, error: GraphQLError) => {
    if (!isExpectedError(error)) {
      const reqId = state.get(socket)?.requestId;
      logger.error({ reqId, err: error.originalError ?? error }, 'unexpected error in operation');
    }
    return edge.formatError(error.toJSON(), error);
  };

  const contextFor = (connection: ConnectionState) =>
    createContext(services, {
      requestId: connection.requestId,
      credentials: connection.credentials,
      client: connection.client,
      acceptLanguage: connection.request.headers['accept-language'] ?? null,
      cookies: NO_COOKIES,
      log: () => logger.child({ reqId: connection.requestId }),
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
