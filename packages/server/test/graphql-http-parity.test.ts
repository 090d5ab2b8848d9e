import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import type { AtriumServer } from '../src/app';
import { signedUpBrowser, signedUpTool } from './support/actors';
import { startTestServer } from './support/server';

/**
 * The HTTP handler answers the common request itself and leaves the rest to Apollo Server. Both
 * paths must give the same answer: the same requests go to a server with the direct path and to
 * one that sends everything through Apollo, on one database, and the answers are compared: status,
 * content type, caching, cookies and the body byte for byte (outside production, stack traces
 * differ by the frames of the path, so only their presence is compared).
 */
interface Case {
  name: string;
  body: unknown;
  /** Who sends it: a person's bearer token, a browser's cookie, or nobody. */
  as?: 'tool' | 'browser' | 'stranger';
  headers?: Record<string, string>;
  /** Something the answer must hold, so the case tests what its name says. */
  holds?: string;
}

const cases = (organizationId: string): Case[] => [
  { name: 'typename', body: { query: '{ __typename }' } },
  { name: 'me', body: { query: '{ me { id email fullName } }' }, as: 'tool', holds: '"email"' },
  { name: 'me from a cookie', body: { query: '{ me { id } }' }, as: 'browser', holds: '"me":{' },
  { name: 'me, anonymous', body: { query: '{ me { id } }' }, holds: '"me":null' },
  {
    name: 'a field error beside data',
    body: { query: '{ me { id } mySessions { id } }' },
    holds: 'UNAUTHENTICATED',
  },
  {
    name: 'variables',
    body: {
      query: 'query Org($id: ID!) { organization(id: $id) { name } }',
      variables: { id: organizationId },
    },
    as: 'tool',
    holds: '"organization":{"name"',
  },
  {
    name: "another organization's: NOT_FOUND",
    body: {
      query: 'query Org($id: ID!) { organization(id: $id) { name } }',
      variables: { id: organizationId },
    },
    as: 'stranger',
    holds: 'NOT_FOUND',
  },
  {
    name: 'a missing variable',
    body: { query: 'query Org($id: ID!) { organization(id: $id) { name } }' },
    as: 'tool',
    holds: 'BAD_USER_INPUT',
  },
  {
    name: 'a variable of the wrong type',
    body: {
      query: 'query Org($id: ID!) { organization(id: $id) { name } }',
      variables: { id: { not: 'an id' } },
    },
    as: 'tool',
  },
  { name: 'a validation error', body: { query: '{ mee { id } }' } },
  { name: 'a parse error', body: { query: '{ me { id ' } },
  {
    name: 'one of two operations',
    body: { query: 'query A { __typename } query B { me { id } }', operationName: 'B' },
    as: 'tool',
    holds: '"me":{',
  },
  {
    name: 'an unknown operation name',
    body: { query: 'query A { __typename }', operationName: 'C' },
  },
  {
    name: 'no operation name among two',
    body: { query: 'query A { me { id } } query B { me { id } }' },
  },
  {
    name: 'input refused by validation',
    body: {
      query: 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      variables: { input: { timezone: 'Not/A_Zone', fullName: '' } },
    },
    as: 'tool',
    holds: '"fields"',
  },
  { name: 'a mutation refused', body: { query: 'mutation { logOut }' } },
  {
    name: 'over the cost limit',
    body: {
      query: `query Members($id: ID!, $n: Int) { organization(id: $id) { ${Array.from(
        { length: 30 },
        (_, i) => `m${i}: members(first: $n) { edges { node { id role } } }`,
      ).join(' ')} } }`,
      variables: { id: organizationId, n: 100 },
    },
    as: 'tool',
    holds: 'the limit is 5000',
  },
  {
    name: 'GraphQL response media type',
    body: { query: '{ __typename }' },
    headers: { accept: 'application/graphql-response+json' },
  },
  {
    name: 'an accept it cannot satisfy',
    body: { query: '{ __typename }' },
    headers: { accept: 'text/html' },
  },
  { name: 'other extensions', body: { query: '{ __typename }', extensions: { client: 'x' } } },
  {
    name: 'a persisted query',
    body: {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
    },
  },
  { name: 'a batch', body: [{ query: '{ __typename }' }] },
  { name: 'variables as a string', body: { query: '{ __typename }', variables: '{}' } },
  { name: 'no query', body: { operationName: 'A' } },
  {
    name: 'a subscription',
    body: { query: 'subscription { sessionEvents { type } }' },
    as: 'tool',
  },
  {
    name: 'a dead session cookie',
    body: { query: '{ me { id } }' },
    headers: { cookie: 'atrium_session=not-a-session; __Host-atrium_session=not-a-session' },
  },
];

function comparable(status: number, headers: Headers, text: string) {
  return {
    status,
    contentType: headers.get('content-type'),
    cacheControl: headers.get('cache-control'),
    setCookie: headers.getSetCookie().map((cookie) => cookie.replace(/Expires=[^;]+/, 'Expires=…')),
    // Stack traces (outside production) differ in the frames of the two paths.
    body: text.replace(/"stacktrace":\[[^\]]*\]/g, '"stacktrace":[…]'),
  };
}

describe.each([
  ['production', { NODE_ENV: 'production' }],
  ['development', {}],
])('the direct path answers as Apollo does (%s)', (_mode, env) => {
  let direct: AtriumServer;
  let viaApollo: AtriumServer;
  let requests: Map<string, { body: unknown; headers: Record<string, string> }>;

  beforeAll(async () => {
    // One database for both, as two replicas would share it.
    const shared = {
      ...env,
      DATABASE_URL:
        process.env.DATABASE_URL ??
        `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), 'atrium-parity-')), 'atrium.sqlite')}`,
    };
    direct = await startTestServer(shared);
    viaApollo = await startTestServer(shared, { apolloOnly: true });
    const tool = await signedUpTool(direct.url);
    const browser = await signedUpBrowser(direct.url);
    const stranger = await signedUpTool(direct.url);
    const organizationId = await firstOrganization(direct.url, tool.actor.token as string);
    const cookie = [...browser.actor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const who = {
      tool: { authorization: `Bearer ${tool.actor.token}` },
      stranger: { authorization: `Bearer ${stranger.actor.token}` },
      browser: { cookie },
    };
    requests = new Map(
      cases(organizationId).map((c) => [
        c.name,
        {
          body: c.body,
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': '203.0.113.7',
            ...(c.as ? who[c.as] : {}),
            ...c.headers,
          },
        },
      ]),
    );
  });

  afterAll(async () => {
    await viaApollo?.close();
    await direct?.close();
  });

  const send = async (server: AtriumServer, name: string) => {
    const request = requests.get(name);
    if (!request) throw new Error(`no case ${name}`);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
    });
    return comparable(response.status, response.headers, await response.text());
  };

  it.each(cases('').map((c) => [c.name, c.holds]))('%s', async (name, holds) => {
    const answer = await send(direct, name);
    expect(answer).toEqual(await send(viaApollo, name));
    if (holds) expect(answer.body).toContain(holds);
  });

  it('answers an unexpected error masked (and logged), as Apollo does', async () => {
    for (const server of [direct, viaApollo]) {
      jest
        .spyOn(server.services.sessions, 'listLive')
        .mockRejectedValue(new Error('SELECT * FROM sessions failed'));
    }
    try {
      const [ours, apollos] = [await send(direct, 'me'), await send(viaApollo, 'me')];
      expect(ours).toEqual(apollos);
      const request = { ...requests.get('me'), body: { query: '{ mySessions { id } }' } };
      requests.set('broken', request as { body: unknown; headers: Record<string, string> });
      const broken = await send(direct, 'broken');
      expect(broken).toEqual(await send(viaApollo, 'broken'));
      expect(broken.body).toContain('INTERNAL_SERVER_ERROR');
      expect(broken.body).not.toContain('SELECT');
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('takes the direct path for the common request, and Apollo for the rest', async () => {
    const apollo = jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
    try {
      await send(direct, 'me');
      await send(direct, 'variables');
      await send(direct, 'a field error beside data');
      expect(apollo).not.toHaveBeenCalled();
      await send(direct, 'a validation error');
      await send(direct, 'a missing variable');
      await send(viaApollo, 'me');
      expect(apollo).toHaveBeenCalledTimes(3);
    } finally {
      apollo.mockRestore();
    }
  });
});

async function firstOrganization(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ myOrganizations { id } }' }),
  });
  const body = (await response.json()) as { data: { myOrganizations: Array<{ id: string }> } };
  return body.data.myOrganizations[0].id;
}
