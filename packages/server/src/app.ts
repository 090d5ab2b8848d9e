import 'reflect-metadata';
import { ENTITIES, RESOLVERS } from './modules';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from './config/env';
import { resolveSecretKey } from './config/secret-key';
import { createDataSource } from './db/data-source';
import { createEventBus, type EventBus } from './events/event-bus';
import { runMigrationsUnderLock } from './db/migrate';
import { createApollo } from './graphql/apollo';
import { createContext, type AppContext, type ResponseCookies } from './graphql/context';
import { createGraphQLEdge } from './graphql/edge';
import { buildAtriumSchema } from './graphql/schema';
import { lazyClientInfo, trustedProxyList } from './http/client-address';
import { clearSessionCookie } from './http/cookies';
import { handleAvatarRoutes } from './http/avatar-routes';
import { handleExportRoutes } from './http/export-routes';
import { handleAuditExportRoute } from './modules/audit/audit-export.route';
import { handleUnsubscribeRoute } from './modules/notification/unsubscribe.route';
import { createGraphQLHandler } from './http/graphql-handler';
import { createSpaHandler } from './http/static-files';
import { attachGraphQLWebSocket } from './http/websocket';
import { createAccessLog, createLogger } from './logger';
import { createServices, type Services } from './services';

export interface AtriumServer {
  url: string;
  port: number;
  httpServer: Server;
  dataSource: DataSource;
  services: Services;
  eventBus: EventBus;
  logger: Logger;
  /** Stops taking work, drains HTTP and WebSocket, then closes the database. */
  close(): Promise<void>;
}

/** A socket that has not said `connection_init` by then is closed (4408). */
const CONNECTION_INIT_TIMEOUT_MS = 3000;

export interface StartOptions {
  /**
   * Every GraphQL request through Apollo Server, none through the handler's direct path: the
   * parity test compares the two paths' answers.
   */
  apolloOnly?: boolean;
}

export async function startAtrium(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<AtriumServer> {
  const dataSource = await createDataSource(config.database, ENTITIES);
  await dataSource.initialize();
  const applied = await runMigrationsUnderLock(dataSource);
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');

  // Resolved (or generated into the data directory) now, so a bad key stops the start, not a request.
  const secretKey = resolveSecretKey(config);
  const eventBus = createEventBus(config.redisUrl, logger, config.redisPrefix);
  const services = createServices({
    dataSource,
    config,
    secretKey,
    pubSub: eventBus.pubSub,
    redis: eventBus.redis,
    logger,
  });
  const schema = await buildAtriumSchema(eventBus.pubSub, RESOLVERS);
  services.jobRunner.start();
  services.jobScheduler.start();
  services.usageMeter.start();
  const trustedProxies = trustedProxyList(config.trustedProxies);
  const edge = createGraphQLEdge(schema, {
    production: config.production,
    introspection: config.introspection,
  });
  const httpServer = createServer();
  let draining = false;

  const apollo = createApollo({
    schema,
    edge,
    logger,
    httpServer,
    production: config.production,
  });
  await apollo.start();

  const buildContext = async (
    request: IncomingMessage,
    requestId: string,
    cookies: ResponseCookies,
  ): Promise<AppContext> => {
    const authorization = request.headers.authorization ?? null;
    const { context, rejected } = await createContext(services, {
      requestId,
      credentials: { authorization, cookieHeader: request.headers.cookie ?? null },
      client: lazyClientInfo(request, trustedProxies),
      acceptLanguage: request.headers['accept-language'] ?? null,
      cookies,
      log: () => logger.child({ reqId: requestId }),
    });
    // A dead cookie is removed so the browser stops sending it.
    if (rejected && !authorization) cookies.set(clearSessionCookie(services.cookiePolicy));
    return context;
  };
  const handleGraphQLRequest = createGraphQLHandler({
    apollo,
    schema,
    edge,
    buildContext,
    includeStacktrace: !config.production,
    direct: !options.apolloOnly,
  });

  const accessLog = createAccessLog(logger);
  const serveSpa = createSpaHandler(config.clientDistDir);
  if (!serveSpa)
    logger.info({ dir: config.clientDistDir }, 'no built SPA found; serving the API only');

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const requestId = requestIdFrom(request);
    response.setHeader('x-request-id', requestId);
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
    response.once('finish', () => {
      accessLog({
        reqId: requestId,
        method: request.method,
        path: pathname,
        status: response.statusCode,
        ms: performance.now() - started,
      });
    });
    try {
      if (pathname === '/graphql') {
        await handleGraphQLRequest(
          request,
          response,
          queryStart === -1 ? '' : url.slice(queryStart),
          requestId,
        );
      } else if (pathname === '/healthz') {
        writeJson(response, 200, { status: 'ok' });
      } else if (pathname === '/readyz') {
        writeJson(response, ...(await readiness(dataSource, draining)));
      } else if (await handleAvatarRoutes(services, request, response, pathname)) {
        // answered
      } else if (await handleExportRoutes(services, request, response, pathname, trustedProxies)) {
        // answered
      } else if (
        await handleAuditExportRoute(
          services,
          request,
          response,
          pathname,
          queryStart === -1 ? '' : url.slice(queryStart),
          trustedProxies,
        )
      ) {
        // answered
      } else if (
        await handleUnsubscribeRoute(
          services.unsubscribeLinks,
          services.notificationPreferences,
          request,
          response,
          pathname,
          queryStart === -1 ? '' : url.slice(queryStart),
        )
      ) {
        // answered
      } else if (serveSpa) {
        serveSpa(request, response, pathname);
      } else {
        writeJson(response, 404, { error: 'Not found' });
      }
    } catch (error) {
      logger.error({ reqId: requestId, err: error }, 'request failed');
      if (!response.headersSent)
        writeJson(response, 500, { error: 'Internal server error', requestId });
      else response.destroy();
    }
  };
  httpServer.on('request', (request, response) => void handle(request, response));

  const webSocket = attachGraphQLWebSocket({
    httpServer,
    schema,
    services,
    logger,
    trustedProxies,
    edge,
    caps: {
      connectionsPerCaller: config.webSocket.maxConnections,
      operationsPerConnection: config.webSocket.maxOperations,
      connectionInitTimeoutMs: CONNECTION_INIT_TIMEOUT_MS,
    },
    newRequestId: randomUUID,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  services.site.listeningOn(port);

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      await webSocket.close();
      await apollo.stop();
      // After the requests: they may still enqueue. Running jobs finish, or are handed back.
      services.jobScheduler.stop();
      await services.jobRunner.stop();
      // Its keep-alive connections to webhook receivers, once no attempt runs.
      services.webhookDeliverer.close();
      // After the last request: what it counted is written, not lost.
      await services.usageMeter.stop();
      await eventBus.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    })();
    return closing;
  };

  return {
    url: `http://localhost:${port}`,
    port,
    httpServer,
    dataSource,
    services,
    eventBus,
    logger,
    close,
  };
}

function requestIdFrom(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
}

async function readiness(dataSource: DataSource, draining: boolean): Promise<[number, unknown]> {
  if (draining) return [503, { status: 'draining' }];
  try {
    await dataSource.query('SELECT 1');
    return [200, { status: 'ready' }];
  } catch {
    return [503, { status: 'database unreachable' }];
  }
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
