import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { AppContext, ResponseCookies } from '../graphql/context';

const MAX_BODY_BYTES = 1024 * 1024;

export type HttpContextFactory = (
  request: IncomingMessage,
  requestId: string,
  cookies: ResponseCookies,
) => Promise<AppContext>;

/** Runs one GraphQL-over-HTTP request through Apollo and writes its answer. */
export async function handleGraphQLRequest(
  apollo: ApolloServer<AppContext>,
  buildContext: HttpContextFactory,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
  requestId: string,
): Promise<void> {
  let body: unknown;
  try {
    body = await readBody(request);
  } catch (error) {
    const status = error instanceof BodyTooLarge ? 413 : 400;
    writeJsonError(
      response,
      status,
      status === 413 ? 'Request body too large' : 'Malformed JSON body',
    );
    return;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const setCookies: string[] = [];
  const cookies: ResponseCookies = { set: (cookie) => setCookies.push(cookie) };
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers, search, body },
    context: () => buildContext(request, requestId, cookies),
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (setCookies.length > 0) response.setHeader('set-cookie', setCookies);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<unknown> {
  if (request.method !== 'POST') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const contentType = request.headers['content-type'] ?? '';
  // Apollo's CSRF prevention and content negotiation look at the header; only JSON is parsed.
  if (contentType.includes('json')) return text === '' ? undefined : JSON.parse(text);
  return text;
}

function writeJsonError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
}
