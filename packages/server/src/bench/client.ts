import { randomInt } from 'node:crypto';

/** The password of every account the bench signs up. */
export const BENCH_PASSWORD = 'Quiet-Lantern-Orbit-1';

/**
 * One GraphQL call as someone (a session token or an API key, or nobody), from a client
 * address of its own: the bench's servers trust X-Forwarded-For where it matters, so hundreds
 * of log-ins do not hit the per-address limit.
 */
export async function graphql(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A new account; answers its session token. */
export async function signUp(
  url: string,
  email = `bench-${Date.now()}-${randomInt(1e9)}@example.test`,
): Promise<string> {
  const data = (await graphql(
    url,
    null,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
    { input: { email, password: BENCH_PASSWORD, fullName: 'Bench', issueToken: true } },
  )) as { signUp: { token: string } };
  return data.signUp.token;
}

/** A log-in with a token; answers the new session's id. */
export async function logIn(url: string, email: string): Promise<string> {
  const data = (await graphql(
    url,
    null,
    'mutation ($input: LogInInput!) { logIn(input: $input) { ... on AuthPayload { session { id } } } }',
    { input: { email, password: BENCH_PASSWORD, issueToken: true } },
  )) as { logIn: { session: { id: string } } };
  return data.logIn.session.id;
}

/** The signed-up account's organization and a key for it (sign-up just re-authenticated). */
export async function createApiKey(
  url: string,
  token: string,
  scopes: string[] = ['ORGANIZATION_READ'],
): Promise<{ organizationId: string; secret: string }> {
  const { myOrganizations } = (await graphql(url, token, '{ myOrganizations { id } }', {})) as {
    myOrganizations: Array<{ id: string }>;
  };
  const organizationId = myOrganizations[0].id;
  const { createApiKey: created } = (await graphql(
    url,
    token,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input: { organizationId, name: 'Bench', scopes } },
  )) as { createApiKey: { secret: string } };
  return { organizationId, secret: created.secret };
}

/** The q-quantile of some figures (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
