import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { AtriumServer } from '../src/app';
import { signedUpTool } from './support/actors';
import { Me } from './support/documents';
import { Actor, errorCode, typed } from './support/graphql';
import { startTestServer } from './support/server';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

describe('health', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    const health = await fetch(`${atrium.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${atrium.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${atrium.url}/healthz`, {
      headers: { 'x-request-id': 'trace-1234abcd' },
    });
    expect(given.headers.get('x-request-id')).toBe('trace-1234abcd');
    const made = await fetch(`${atrium.url}/healthz`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphQL over HTTP', () => {
  it('answers GET queries that carry a preflight header, and blocks simple (CSRF-able) requests', async () => {
    const query = encodeURIComponent('{ __typename }');
    const blocked = await fetch(`${atrium.url}/graphql?query=${query}`);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(`${atrium.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
    const form = await fetch(`${atrium.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logOut }' }),
    });
    expect(form.status).toBe(400);
  });

  it('refuses operations with too many aliases or too many tokens', async () => {
    const anonymous = new Actor(atrium.url);
    const aliases = typed<unknown>(
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    );
    const aliasResult = await anonymous.execute(aliases);
    expect(errorCode(aliasResult)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliasResult.errors?.[0].message).toMatch(/40 aliases; the limit is 30/);
    const tokens = await fetch(`${atrium.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${'__typename '.repeat(2100)} }` }),
    });
    const tokenBody = (await tokens.json()) as { errors: Array<{ message: string }> };
    expect(tokenBody.errors[0].message).toMatch(/more that 2000 tokens/);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const response = await fetch(`${atrium.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });
});

describe('production hardening', () => {
  let production: AtriumServer;

  beforeAll(async () => {
    production = await startTestServer({ NODE_ENV: 'production' });
  });

  afterAll(async () => {
    await production.close();
  });

  it('sets a __Host- Secure cookie', async () => {
    const { email } = await signedUpTool(production.url);
    const browser = new Actor(production.url);
    const result = await browser.execute(
      typed<unknown, { email: string }>(
        `mutation ($email: String!) { logIn(input: { email: $email, password: "Correct-horse-9" }) { __typename } }`,
      ),
      { email },
    );
    const cookie = result.headers.getSetCookie()[0];
    expect(cookie).toMatch(
      /^__Host-atrium_session=[\w-]+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(cookie).not.toMatch(/Domain=/);
  });

  it('shows no stack traces and no field suggestions, and introspection is off', async () => {
    const anonymous = new Actor(production.url);
    const typo = await anonymous.execute(typed<unknown>('{ mee { id } }'));
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/stacktrace/);
    const wrong = await anonymous.execute(
      typed<unknown>(
        'mutation { logIn(input: { email: "x@y.z", password: "Nope-1234" }) { __typename } }',
      ),
    );
    expect(wrong.errors?.[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_CREDENTIALS',
    });
    const introspection = await anonymous.execute(
      typed<unknown>('{ __schema { types { name } } }'),
    );
    expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks unexpected errors as a generic message without SQL or stack', async () => {
    const { actor } = await signedUpTool(production.url);
    // Pull the database out from under this instance only (other test files share MariaDB).
    await production.dataSource.destroy();
    const result = await actor.execute(Me);
    expect(result.status).toBe(500);
    expect(result.errors?.[0]).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toMatch(/SELECT|sessions|sqlite|mysql|stack/i);
  });
});

describe('the built SPA', () => {
  let withSpa: AtriumServer;

  beforeAll(async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'atrium-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Atrium</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    withSpa = await startTestServer({ CLIENT_DIST_DIR: dist });
  });

  afterAll(async () => {
    await withSpa.close();
  });

  it('serves files, caches hashed assets, and falls back to index.html for client routes', async () => {
    const asset = await fetch(`${withSpa.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const route = await fetch(`${withSpa.url}/settings/profile`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Atrium</title>');
    expect(route.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect((await fetch(`${withSpa.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${withSpa.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
  });
});

describe('graphql-ws on /graphql', () => {
  const clients: Client[] = [];
  afterEach(() => clients.splice(0).forEach((client) => void client.dispose()));

  function connect(options: { authorization?: string; origin?: string } = {}) {
    let closeCode: number | undefined;
    const client = createClient({
      url: atrium.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: options.origin ? { origin: options.origin } : {} });
        }
      },
      connectionParams: options.authorization
        ? { authorization: options.authorization }
        : undefined,
      retryAttempts: 0,
      lazy: true,
      on: { closed: (event) => (closeCode = (event as { code: number }).code) },
    });
    clients.push(client);
    const run = (query: string) =>
      new Promise<{ data?: unknown; errors?: unknown }>((resolve, reject) => {
        let result: { data?: unknown; errors?: unknown } = {};
        client.subscribe(
          { query },
          { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
        );
      });
    return { run, closeCode: () => closeCode };
  }

  it('authenticates from connectionParams with the same rules as HTTP', async () => {
    const { actor } = await signedUpTool(atrium.url);
    const ws = connect({ authorization: `Bearer ${actor.token}` });
    const result = await ws.run('{ me { email } }');
    expect(result.data).toEqual({ me: { email: expect.stringContaining('@example.test') } });
  });

  it('closes with 4403 when the presented token is not a live session', async () => {
    const ws = connect({ authorization: 'Bearer not-a-session' });
    await expect(ws.run('{ __typename }')).rejects.toBeDefined();
    expect(ws.closeCode()).toBe(4403);
  });

  it('applies the same operation limits as HTTP', async () => {
    const ws = connect();
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    await expect(ws.run(aliases)).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/aliases/) }),
    ]);
  });

  it('refuses an upgrade from a foreign Origin', async () => {
    const socket = new WebSocket(
      atrium.url.replace('http', 'ws') + '/graphql',
      'graphql-transport-ws',
      {
        headers: { origin: 'https://evil.example' },
      },
    );
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });
});
