import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { fail } from '../../graphql/errors';
import type { NotificationPreferenceService } from './notification-preferences.service';
import { UNSUBSCRIBE_PATH, type UnsubscribeLinks } from './unsubscribe-link';

/** A one-click body is 26 bytes; anything much longer is not one. */
const MAX_BODY_BYTES = 1024;
/** The SPA page a person lands on when they open the link (GET never unsubscribes). */
export const UNSUBSCRIBE_PAGE = '/unsubscribe';

/**
 * RFC 8058 one-click unsubscribe, with no sign-in: `POST /notifications/unsubscribe?token=…`
 * with the body `List-Unsubscribe=One-Click` turns off exactly the cell the signed token names.
 * A GET (a person clicking, or a scanner following links) only redirects to the SPA's page,
 * which asks before posting. Returns false for other paths.
 */
export async function handleUnsubscribeRoute(
  links: UnsubscribeLinks,
  preferences: NotificationPreferenceService,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  search: string,
): Promise<boolean> {
  if (pathname !== UNSUBSCRIBE_PATH) return false;
  const token = new URLSearchParams(search).get('token') ?? '';
  if (request.method === 'GET' || request.method === 'HEAD') {
    response.writeHead(303, {
      location: `${UNSUBSCRIBE_PAGE}?token=${encodeURIComponent(token)}`,
      'cache-control': 'no-store',
    });
    response.end();
    return true;
  }
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'GET, HEAD, POST' }).end();
    return true;
  }
  const body = await readSmallBody(request);
  if (body === null || !new URLSearchParams(body).has('List-Unsubscribe')) {
    writeError(response, 400, fail('UNSUBSCRIBE_LINK_INVALID'));
    return true;
  }
  const target = links.verify(token);
  if (!target) {
    writeError(response, 400, fail('UNSUBSCRIBE_LINK_INVALID'));
    return true;
  }
  await preferences.turnOff(target.accountId, target);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify({ unsubscribed: { type: target.type, channel: target.channel } }));
  return true;
}

function readSmallBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function writeError(response: ServerResponse, status: number, error: GraphQLError): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }),
  );
}
