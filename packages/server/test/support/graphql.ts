import { parse, print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** A parsed document that carries its result and variable types, as the client's codegen does. */
export function typed<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  source: string,
): TypedDocumentNode<TData, TVariables> {
  return parse(source) as TypedDocumentNode<TData, TVariables>;
}

export interface GraphQLResult<TData> {
  status: number;
  data: TData | null | undefined;
  errors: GraphQLFormattedError[] | undefined;
  headers: Headers;
}

/**
 * Someone calling the API: a browser (cookie jar) or a tool (bearer token). Tests name them
 * after who they are: `const owner = new Actor(url)`.
 */
export class Actor {
  cookies = new Map<string, string>();
  token: string | null = null;

  readonly headers: Record<string, string>;

  /**
   * Each actor comes from an address of its own (test servers trust loopback as their proxy),
   * so per-IP rate limits count per actor, as they would for separate people.
   */
  constructor(
    readonly baseUrl: string,
    headers: Record<string, string> = {},
  ) {
    this.headers = { 'x-forwarded-for': randomClientIp(), ...headers };
  }

  get ip(): string {
    return this.headers['x-forwarded-for'];
  }

  withToken(token: string): this {
    this.token = token;
    return this;
  }

  async execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode,
    variables?: TVariables,
  ): Promise<GraphQLResult<TData>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: print(document), variables }),
    });
    this.storeCookies(response.headers);
    const body = (await response.json()) as {
      data?: TData | null;
      errors?: GraphQLFormattedError[];
    };
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      headers: response.headers,
    };
  }

  /** Executes and insists on success, returning the data. */
  async run<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const result = await this.execute(document, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  private storeCookies(headers: Headers): void {
    for (const cookie of headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export function errorCode(result: { errors?: readonly GraphQLFormattedError[] }): unknown {
  return result.errors?.[0]?.extensions?.code;
}

function randomClientIp(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}
