import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlockList } from 'node:net';
import type { GraphQLError } from 'graphql';
import { authenticate } from '../caller/authenticate';
import type { Services } from '../core/module';
import { AppError, fail } from '../graphql/errors';
import { clientAddress } from './client-address';

const EXPORT_ROUTE = /^\/exports\/([0-9a-f-]{36})\.zip$/;

/**
 * `GET /exports/<id>.zip`: a data export, for the signed-in account that asked for it (cookie or
 * bearer session token; never an API key). Another account's export is 404 like a missing one;
 * an expired one is 410. Every download lands on the owner's security timeline.
 */
export async function handleExportRoutes(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  trustedProxies: BlockList,
): Promise<boolean> {
  const match = EXPORT_ROUTE.exec(pathname);
  if (!match) return false;
  if (request.method !== 'GET') {
    writeError(response, 405, fail('HTTP_METHOD_NOT_ALLOWED', { params: { method: 'GET' } }));
    return true;
  }
  const { caller } = await authenticate(
    services,
    {
      authorization: request.headers.authorization ?? null,
      cookieHeader: request.headers.cookie ?? null,
    },
    {
      ip: clientAddress(request, trustedProxies),
      userAgent: request.headers['user-agent'] ?? null,
    },
  );
  if (caller.kind === 'ANONYMOUS') {
    writeError(response, 401, fail('SIGN_IN_REQUIRED'));
    return true;
  }
  if (caller.kind === 'API_KEY') {
    writeError(response, 403, fail('DATA_EXPORT_SESSION_REQUIRED'));
    return true;
  }
  let zip: Buffer;
  try {
    zip = await services.dataExports.download(caller, match[1]);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const status = error.extensions.code === 'NOT_FOUND' ? 404 : 410;
    writeError(response, status, error);
    return true;
  }
  response.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': zip.length,
    'content-disposition': `attachment; filename="atrium-export-${match[1]}.zip"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(zip);
  return true;
}

function writeError(response: ServerResponse, status: number, error: GraphQLError): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }),
  );
}
