import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { GraphQLError } from 'graphql';
import { authenticate } from '../caller/authenticate';
import { AppError, badUserInput, fail } from '../graphql/errors';
import { AVATAR_MAX_BYTES, avatarPath } from '../modules/avatar/avatar.service';
import type { Services } from '../core/module';

/** The header the SPA sends with uploads: a cross-site form cannot set it without a preflight. */
export const CSRF_HEADER = 'x-atrium-csrf';

const AVATAR_ROUTE = /^\/avatars\/([0-9a-f-]{36})\/([0-9a-f]{16})\.webp$/;

/**
 * `POST /avatar` (multipart, one `avatar` file) sets the caller's avatar; GraphQL has no upload,
 * so this sits beside /graphql with the same authentication. `GET /avatars/<id>/<version>.webp`
 * serves it; the version changes with every upload, so the URL can be cached forever.
 */
export async function handleAvatarRoutes(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (pathname === '/avatar') {
    await upload(services, request, response);
    return true;
  }
  const match = AVATAR_ROUTE.exec(pathname);
  if (!match) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    writeError(response, 405, fail('HTTP_METHOD_NOT_ALLOWED', { params: { method: 'GET' } }));
    return true;
  }
  const avatar = await services.avatars.find(match[1], match[2]);
  if (!avatar) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return true;
  }
  const etag = `"${match[2]}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return true;
  }
  response.writeHead(200, {
    'content-type': avatar.contentType,
    'content-length': avatar.data.length,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    etag,
  });
  response.end(request.method === 'HEAD' ? undefined : avatar.data);
  return true;
}

async function upload(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST')
    return writeError(
      response,
      405,
      fail('HTTP_METHOD_NOT_ALLOWED', { params: { method: 'POST' } }),
    );
  if (!request.headers[CSRF_HEADER]) {
    return writeError(
      response,
      403,
      fail('AVATAR_UPLOAD_HEADER_MISSING', { params: { header: CSRF_HEADER } }),
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !services.site.allowsOrigin(origin)) {
    return writeError(response, 403, fail('AVATAR_UPLOAD_ORIGIN_REFUSED', { params: { origin } }));
  }
  const { caller } = await authenticate(
    services,
    {
      authorization: request.headers.authorization ?? null,
      cookieHeader: request.headers.cookie ?? null,
    },
    { ip: null, userAgent: request.headers['user-agent'] ?? null },
  );
  if (caller.kind === 'ANONYMOUS') return writeError(response, 401, fail('SIGN_IN_REQUIRED'));
  if (caller.kind === 'API_KEY') return writeError(response, 403, fail('API_KEY_HAS_NO_AVATAR'));
  const auth = caller;

  let file: Buffer;
  try {
    file = await readSingleFile(request);
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    return writeError(response, error.status, error.answer);
  }
  try {
    const account = await services.avatars.replace(auth.account.id, file);
    const path = avatarPath(account);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ avatarUrl: path ? `${services.site.appUrl}${path}` : null }));
  } catch (error) {
    if (error instanceof AppError) return writeError(response, 400, error);
    throw error;
  }
}

/** An upload refused before the image is looked at, with its HTTP status. */
class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly answer: AppError,
  ) {
    super(answer.message);
  }
}

function readSingleFile(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const missing = () => new UploadRefused(400, badUserInput({ avatar: 'AVATAR_FILE_MISSING' }));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { files: 1, fileSize: AVATAR_MAX_BYTES, fields: 0, parts: 2 },
      });
    } catch {
      reject(missing());
      return;
    }
    let result: Buffer | null = null;
    let tooLarge = false;
    parser.on('file', (field, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (field === 'avatar') chunks.push(chunk);
      });
      stream.on('limit', () => (tooLarge = true));
      stream.on('close', () => {
        if (field === 'avatar') result = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(missing()));
    parser.on('close', () => {
      if (tooLarge) reject(new UploadRefused(413, badUserInput({ avatar: 'AVATAR_TOO_LARGE' })));
      else if (!result || result.length === 0) reject(missing());
      else resolve(result);
    });
    request.pipe(parser);
  });
}

function writeError(response: ServerResponse, status: number, error: GraphQLError): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }),
  );
}
