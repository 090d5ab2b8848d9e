import type { BrowserContext, Page } from 'playwright-core';
import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import type { RunningServer } from './server';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** Resolves once the page has asked for `notificationFeed` over graphql-ws. */
function feedSubscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString('utf8');
        if (text.includes('"subscribe"') && text.includes('notificationFeed')) resolve();
      });
    });
  });
}

async function graphql<T>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown>,
  bearer?: string,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * An internal tool of the person's organization: the owner creates a key with
 * NOTIFICATIONS_SEND (signing in as a tool would, so sudo mode holds), and the tool sends.
 */
async function aTool(server: RunningServer, email: string) {
  const { logIn } = await graphql<{ logIn: { token: string; account: { id: string } } }>(
    server,
    'mutation ($input: LogInInput!) { logIn(input: $input) { ... on AuthPayload { token account { id } } } }',
    { input: { email, password: PASSWORD, issueToken: true } },
  );
  const { myOrganizations } = await graphql<{ myOrganizations: Array<{ id: string }> }>(
    server,
    '{ myOrganizations { id } }',
    {},
    logIn.token,
  );
  const { createApiKey } = await graphql<{ createApiKey: { secret: string } }>(
    server,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    {
      input: {
        organizationId: myOrganizations[0].id,
        name: 'Campaign service',
        scopes: ['NOTIFICATIONS_SEND'],
      },
    },
    logIn.token,
  );
  return {
    send: (title: string) =>
      graphql(
        server,
        'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { id } }',
        {
          input: {
            accountId: logIn.account.id,
            type: 'CAMPAIGN_COMPLETED',
            title,
            body: 'All 1,204 calls were made.',
            link: '/settings/notifications',
          },
        },
        createApiKey.secret,
      ),
  };
}

describe('the bell', () => {
  it('counts up in every open tab when a tool sends a notification, and down when read', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    contexts.push(context);
    const email = uniqueEmail();
    const first = await context.newPage();
    const errors = collectPageErrors(first);
    const firstListening = feedSubscribed(first);
    const person = aPerson(first, email, PASSWORD);
    await person.signUp('Grace Hopper');
    await person.heading('Profile');
    await firstListening;

    // A second tab of the same browser, on another page.
    const second = await context.newPage();
    const secondErrors = collectPageErrors(second);
    const secondListening = feedSubscribed(second);
    await second.goto('/settings/security');
    await second.getByRole('heading', { name: 'Security', exact: true }).waitFor();
    await secondListening;
    const bell = (page: Page, count: number) =>
      page.getByRole('button', { name: `Notifications, ${count} unread` });
    await bell(second, 0).waitFor();

    const tool = await aTool(server, email);
    await tool.send('Spring campaign finished');
    await bell(second, 1).waitFor({ timeout: 5000 });
    await bell(first, 1).waitFor({ timeout: 5000 });
    expect(await second.getByTestId('unread-count').textContent()).toBe('1');
    await tool.send('Summer campaign finished');
    await bell(second, 2).waitFor({ timeout: 5000 });
    await bell(first, 2).waitFor({ timeout: 5000 });

    // The second tab opens the feed: newest first; marking all read empties both bells.
    await bell(second, 2).click();
    const panel = second.getByRole('dialog', { name: 'Notifications' });
    await panel.getByText('Summer campaign finished').waitFor();
    const titles = await panel.locator('.feed-item-title').allTextContents();
    expect(titles.map((title) => title.replace('Unread: ', ''))).toEqual([
      'Summer campaign finished',
      'Spring campaign finished',
    ]);
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await bell(first, 0).waitFor({ timeout: 5000 });
    await bell(second, 0).waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
    expect(secondErrors).toEqual([]);
  });
});
