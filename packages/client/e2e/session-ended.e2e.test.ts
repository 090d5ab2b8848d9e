import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();

/** The API as a tool calls it: a bearer token of its own session. */
async function asTool(baseUrl: string, query: string, token?: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('a session ended while the live socket is down', () => {
  it('takes the page to the login page at its next request, saying why', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    try {
      // This tab's WebSocket never reaches the server (asleep, behind a proxy that drops it):
      // no REVOKED event and no 4403 close will tell it anything.
      await context.routeWebSocket('**/graphql', () => undefined);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const email = uniqueEmail();
      const person = aPerson(page, email, PASSWORD);
      await person.signUp('Grace Hopper');
      await person.heading('Profile');

      // Another device signs every other session out.
      const logIn = await asTool(
        server.baseUrl,
        `mutation { logIn(input: { email: "${email}", password: "${PASSWORD}", issueToken: true }) { ... on AuthPayload { token } } }`,
      );
      const token = (logIn.data?.logIn as { token: string }).token;
      const revoked = await asTool(server.baseUrl, 'mutation { revokeOtherSessions }', token);
      expect(revoked.data).toEqual({ revokeOtherSessions: 1 });

      // The next page asks the API, which answers UNAUTHENTICATED.
      await page.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await person.statusSays(
        'Your session has ended (it expired or was signed out). Log in again to continue.',
      );
      await person.heading('Log in to Atrium');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/security');
      expect(await page.getByText('Your devices could not be loaded.').count()).toBe(0);
      // The refused answers are expected; nothing else went wrong on the page.
      expect(errors.filter((error) => !/status of 401|UNAUTHENTICATED/.test(error))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
