import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { execute, type GraphQLSchema } from 'graphql';
import Negotiator from 'negotiator';
import { logUnexpectedErrors } from '../graphql/apollo';
import type { AppContext, ResponseCookies } from '../graphql/context';
import type { GraphQLEdge } from '../graphql/edge';
import { answerErrors, asGraphQLError } from '../graphql/result-errors';

const MAX_BODY_BYTES = 1024 * 1024;

export type HttpContextFactory = (
  request: IncomingMessage,
  requestId: string,
  cookies: ResponseCookies,
) => Promise<AppContext>;

export interface GraphQLHandlerOptions {
  apollo: ApolloServer<AppContext>;
  schema: GraphQLSchema;
  edge: GraphQLEdge;
  buildContext: HttpContextFactory;
  includeStacktrace: boolean;
  /** False: everything through Apollo (the parity test's yardstick). */
  direct: boolean;
}

export type GraphQLRequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
  requestId: string,
) => Promise<void>;

/**
 * GraphQL over HTTP. Apollo Server answers every request its own way, except the common one that
 * it would answer by rote: a JSON POST of one query or mutation whose document is valid, whose
 * operation exists, whose variables coerce and whose cost is within the limit. That one runs
 * here directly: the document parsed and validated once (the edge remembers it), graphql-js's
 * `execute`, and Apollo's answer rebuilt from the same parts Apollo uses (the one context
 * factory, the edge's cost check and error formatter, the same unexpected-error logging). Apollo's
 * request pipeline costs more CPU than the whole authenticated lookup; what it would add here
 * (CSRF prevention, which a JSON POST passes; content negotiation; plugins' hooks) is either
 * decided before or done with the same functions. Anything else, and every refusal (CSRF,
 * parse and validation errors, an unknown operation, bad variables, the cost limit, GET,
 * batches, persisted queries, an `accept` it cannot satisfy), goes to Apollo, before anything
 * has run, so Apollo's own words answer it.
 */
export function createGraphQLHandler(options: GraphQLHandlerOptions): GraphQLRequestHandler {
  const { apollo, buildContext } = options;

  const viaApollo = async (
    request: IncomingMessage,
    response: ServerResponse,
    search: string,
    body: unknown,
    context: () => Promise<AppContext>,
    setCookies: string[],
  ): Promise<void> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search, body },
      context,
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
  };

  return async (request, response, search, requestId) => {
    let text: string | undefined;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        writeJsonError(response, 413, 'Request body too large');
      } else {
        writeJsonError(response, 400, 'Malformed JSON body');
      }
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    let body: unknown = text;
    // Apollo's CSRF prevention and content negotiation look at the header; only JSON is parsed.
    if (text !== undefined && contentType.includes('json')) {
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        writeJsonError(response, 400, 'Malformed JSON body');
        return;
      }
    }
    // What Apollo's cache-control plugin said of every answer (no field gives a cache hint).
    response.setHeader('cache-control', 'no-store');
    const setCookies: string[] = [];
    const cookies: ResponseCookies = { set: (cookie) => setCookies.push(cookie) };
    const newContext = () => buildContext(request, requestId, cookies);

    const direct =
      options.direct && request.method === 'POST' && isJson(contentType) && directRequest(body);
    const contentTypeOut = direct ? singleResultContentType(request.headers.accept) : null;
    const prepared =
      direct && contentTypeOut ? options.edge.prepare(direct.query, direct.operationName) : null;
    if (
      !direct ||
      !contentTypeOut ||
      !prepared ||
      prepared.operation.operation === 'subscription'
    ) {
      return viaApollo(request, response, search, body, newContext, setCookies);
    }
    let context: AppContext;
    try {
      context = await newContext();
    } catch (error) {
      // Apollo answers a context that failed ("Context creation failed"), masked.
      return viaApollo(request, response, search, body, () => Promise.reject(error), setCookies);
    }
    const knownContext = () => Promise.resolve(context);
    let coerced: Record<string, unknown> = {};
    if (prepared.operation.variableDefinitions?.length) {
      const variables = options.edge.coerceVariables(prepared.operation, direct.variables);
      if ('errors' in variables) {
        return viaApollo(request, response, search, body, knownContext, setCookies);
      }
      coerced = variables.coerced;
    }
    if (prepared.costError(coerced)) {
      return viaApollo(request, response, search, body, knownContext, setCookies);
    }

    let status = 200;
    let answer: string;
    try {
      const result = await execute({
        schema: options.schema,
        document: prepared.document,
        contextValue: context,
        variableValues: direct.variables,
        operationName: direct.operationName,
      });
      let errors;
      if (result.errors) {
        logUnexpectedErrors(context, result.errors);
        const answered = answerErrors(result.errors, {
          formatError: options.edge.formatError,
          includeStacktrace: options.includeStacktrace,
        });
        errors = answered.errors;
        for (const [name, value] of answered.headers) response.setHeader(name, value);
        // As Apollo: a result without data (a request error) is a 400 unless an error says more.
        status = answered.status ?? (result.data === undefined ? 400 : 200);
      }
      answer = `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`;
    } catch (thrown) {
      // As Apollo: execution itself failed (not a field), the answer is that error, 500 by default.
      const error = asGraphQLError(thrown);
      logUnexpectedErrors(context, [error]);
      const answered = answerErrors([error], {
        formatError: options.edge.formatError,
        includeStacktrace: options.includeStacktrace,
      });
      for (const [name, value] of answered.headers) response.setHeader(name, value);
      status = answered.status ?? 500;
      answer = `${JSON.stringify({ errors: answered.errors })}\n`;
    }
    response.statusCode = status;
    response.setHeader('content-type', contentTypeOut);
    if (setCookies.length > 0) response.setHeader('set-cookie', setCookies);
    response.end(answer);
  };
}

interface DirectRequest {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

/**
 * The body of a POST Apollo would run as one operation without more ado: an object with a
 * non-empty `query` string, and `operationName`, `variables` and `extensions` absent or null,
 * or of the right kind; a persisted query (`extensions.persistedQuery`) goes to Apollo.
 */
function directRequest(body: unknown): DirectRequest | null {
  if (!isRecord(body)) return null;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string' || query === '') return null;
  if (extensions !== undefined && extensions !== null) {
    if (!isRecord(extensions) || extensions.persistedQuery) return null;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: variables ?? undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `application/json`, with parameters or not. */
function isJson(contentType: string): boolean {
  const end = contentType.indexOf(';');
  return (
    (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase() ===
    'application/json'
  );
}

/** The types Apollo offers a single result in, its preferred first. */
const SINGLE_RESULT_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];
const negotiated = new Map<string, string | null>();

/**
 * The content type Apollo would answer a single result in, given the `accept` header (null: it
 * would refuse with 406). A client sends the same few headers again and again: remembered.
 */
function singleResultContentType(accept: string | undefined): string | null {
  if (!accept) return SINGLE_RESULT_TYPES[0];
  let chosen = negotiated.get(accept);
  if (chosen === undefined) {
    chosen = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(accept, chosen);
  }
  return chosen;
}

class BodyTooLarge extends Error {}

/** The POST body as text (undefined for other methods); refuses more than MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (request.method !== 'POST') return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping it; the rest is read and dropped while the 413 goes out.
        request.off('data', onData);
        request.off('end', onEnd);
        request.resume();
        reject(new BodyTooLarge());
      } else if (!first) first = chunk;
      else (more ??= [first]).push(chunk);
    };
    const onEnd = () => {
      if (more) resolve(Buffer.concat(more).toString('utf8'));
      else resolve(first ? first.toString('utf8') : '');
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.once('error', reject);
  });
}

function writeJsonError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
}
