import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { AtriumServer } from '../src/app';
import { signedUpTool } from './support/actors';
import { Actor, typed } from './support/graphql';
import { startTestServer } from './support/server';

/**
 * The GraphQL edge as an attacker meets it, over HTTP and graphql-ws alike, on a server in
 * production mode: the same limits, the same masking, the same caps.
 */
let production: AtriumServer;

beforeAll(async () => {
  production = await startTestServer({ NODE_ENV: 'production', WS_MAX_CONNECTIONS: '3' });
});

afterAll(async () => {
  await production.close();
});

type Variables = Record<string, unknown>;

interface WsResult {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

/** One graphql-ws connection; `run` resolves with the result, or with the refusal's errors. */
function connect(token?: string) {
  let closeCode: number | undefined;
  let connected = false;
  const client = createClient({
    url: production.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    lazy: true,
    on: {
      connected: () => (connected = true),
      closed: (event) => (closeCode = (event as { code: number }).code),
    },
  });
  clients.push(client);
  const run = (query: string, variables?: Record<string, unknown>) =>
    new Promise<WsResult>((resolve) => {
      let result: WsResult = {};
      client.subscribe(
        { query, variables },
        {
          next: (value) => (result = value as WsResult),
          error: (errors) => resolve({ errors: errors as WsResult['errors'] }),
          complete: () => resolve(result),
        },
      );
    });
  return { client, run, closeCode: () => closeCode, connected: () => connected };
}

function doublingChain(levels: number): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query Chain { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { __typename }`;
}

describe('fragment fan-out', () => {
  // 180 levels fit the token limit; expanded, they are 2^180 fields.
  const chain = doublingChain(180);

  it('is refused by its cost over HTTP, and the server keeps answering', async () => {
    const anonymous = new Actor(production.url);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => anonymous.execute(typed<unknown>(chain))),
    );
    for (const result of results) {
      expect(result.status).toBe(400);
      expect(result.errors?.[0]).toEqual({
        message: 'Chain costs more than 10^15; the limit is 5000',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    expect((await fetch(`${production.url}/healthz`)).status).toBe(200);
  });

  it('is refused the same way over graphql-ws', async () => {
    const result = await connect().run(chain);
    expect(result.errors?.[0].message).toBe('Chain costs more than 10^15; the limit is 5000');
  });
});

describe('cost with variables', () => {
  const fields = Array.from(
    { length: 30 },
    (_, i) => `m${i}: members(first: $n) { edges { node { id role } } }`,
  ).join(' ');
  const query = `query Members($id: ID!, $n: Int) { organization(id: $id) { ${fields} } }`;

  it('counts `first` from a variable over HTTP and graphql-ws', async () => {
    const { actor } = await signedUpTool(production.url);
    const organizations = await actor.execute(
      typed<{ myOrganizations: Array<{ id: string }> }>('{ myOrganizations { id } }'),
    );
    const id = organizations.data?.myOrganizations[0].id;
    const many = await actor.execute(typed<unknown, Variables>(query), { id, n: 100 });
    expect(many.errors?.[0].message).toBe('Members costs 12031; the limit is 5000');
    const ws = connect(actor.token ?? undefined);
    expect((await ws.run(query, { id, n: 100 })).errors?.[0].message).toBe(
      'Members costs 12031; the limit is 5000',
    );
    // Five members each: within the limit, and answered.
    const few = await actor.execute(typed<unknown, Variables>(query), { id, n: 5 });
    expect(few.errors).toBeUndefined();
    expect((await ws.run(query, { id, n: 5 })).errors).toBeUndefined();
  });
});

describe('graphql-ws is the same API as HTTP', () => {
  it('refuses introspection and names no field suggestions', async () => {
    const ws = connect();
    const introspection = await ws.run('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await ws.run('{ mee { id } }');
    expect(typo.errors?.[0].message).toBe('Cannot query field "mee" on type "Query".');
  });

  it('masks suggestions in variable errors, over HTTP and graphql-ws', async () => {
    const logIn = 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }';
    const variables = { input: { email: 'a@example.com', emial: 'a@example.com', password: 'x' } };
    const http = await new Actor(production.url).execute(
      typed<unknown, Variables>(logIn),
      variables,
    );
    const ws = await connect().run(logIn, variables);
    for (const errors of [http.errors, ws.errors]) {
      expect(errors?.[0].message).toMatch(/Field "emial" is not defined by type "LogInInput"\.$/);
      expect(JSON.stringify(errors)).not.toMatch(/Did you mean|\\"email\\"/);
    }
    const invite =
      'mutation ($input: InviteTeamMemberInput!) { inviteTeamMember(input: $input) { id } }';
    const enumError = await new Actor(production.url).execute(typed<unknown, Variables>(invite), {
      input: { organizationId: 'x', email: 'a@example.com', role: 'ADMN' },
    });
    expect(enumError.errors?.[0].message).toMatch(/Value "ADMN" does not exist in "Role" enum\.$/);
    expect(JSON.stringify(enumError.errors)).not.toMatch(/Did you mean|ADMIN/);
  });

  it('masks unexpected errors as a generic message, over graphql-ws too', async () => {
    const { actor } = await signedUpTool(production.url);
    const sessions = production.services.sessions;
    const list = sessions.listLive.bind(sessions);
    sessions.listLive = () =>
      Promise.reject(new Error("Data too long for column 'secret' in SELECT"));
    try {
      const http = await actor.execute(typed<unknown>('{ mySessions { id } }'));
      const ws = await connect(actor.token ?? undefined).run('{ mySessions { id } }');
      for (const errors of [http.errors, ws.errors]) {
        expect(errors?.[0]).toMatchObject({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
        expect(JSON.stringify(errors)).not.toMatch(/Data too long|SELECT|stack/i);
      }
    } finally {
      sessions.listLive = list;
    }
  });
});

describe('WebSocket caps', () => {
  it('caps the operations running on one socket', async () => {
    const { actor } = await signedUpTool(production.url);
    const ws = connect(actor.token ?? undefined);
    const refusals: unknown[] = [];
    for (let i = 0; i < 26; i += 1) {
      ws.client.subscribe(
        { query: 'subscription { sessionEvents { type } }' },
        {
          next: () => undefined,
          error: (error) => refusals.push(error),
          complete: () => undefined,
        },
      );
    }
    await waitUntil(() => refusals.length > 0);
    expect(refusals).toEqual([
      [
        expect.objectContaining({
          message: 'Too many operations on this connection; the limit is 25',
        }),
      ],
    ]);
  });

  it('caps the sockets of one account, with a close code that is not a sign-out', async () => {
    const { actor } = await signedUpTool(production.url);
    const sockets = Array.from({ length: 4 }, () => connect(actor.token ?? undefined));
    for (const socket of sockets) {
      socket.client.subscribe(
        { query: 'subscription { sessionEvents { type } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      await waitUntil(() => socket.connected() || socket.closeCode() !== undefined);
    }
    expect(sockets.map((socket) => [socket.connected(), socket.closeCode()])).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [false, 4429],
    ]);
    // Another account is not affected.
    const { actor: other } = await signedUpTool(production.url);
    expect((await connect(other.token ?? undefined).run('{ me { id } }')).errors).toBeUndefined();
  });

  it('closes a socket that never sends connection_init', async () => {
    const socket = new WebSocket(
      production.url.replace('http', 'ws') + '/graphql',
      'graphql-transport-ws',
    );
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(4408);
  });
});

async function waitUntil(condition: () => boolean, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
