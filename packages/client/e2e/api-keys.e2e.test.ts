import type { Page } from 'playwright-core';
import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import { blockingAxeViolations, documentWidth, screenshotPage, settled } from './pageChecks';
import type { RunningServer } from './server';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();

interface Answer {
  status: number;
  name: string | null;
  code: string | null;
}

/** `organization(id){ name }` as a tool asks it, with the key as its bearer. */
async function askAsTool(server: RunningServer, secret: string, organizationId: string) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({
      query: 'query ($id: ID!) { organization(id: $id) { name } }',
      variables: { id: organizationId },
    }),
  });
  const body = (await response.json()) as {
    data?: { organization: { name: string } | null } | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    status: response.status,
    name: body.data?.organization?.name ?? null,
    code: body.errors?.[0]?.extensions?.code ?? null,
  } satisfies Answer;
}

/**
 * After a create or a roll, the API may first want the password again (sudo mode): the app asks
 * in its own dialog, then carries on. Resolves with the revealed secret, read from the clipboard
 * after pressing Copy, and checks the field shows the same.
 */
async function copyRevealedSecret(page: Page, title: string, keyName: string): Promise<string> {
  const reveal = page.getByRole('dialog', { name: title });
  const reauth = page.getByRole('dialog', { name: "Confirm it's you" });
  await reveal.or(reauth).waitFor();
  if (await reauth.isVisible()) {
    await reauth.getByLabel('Password').fill(PASSWORD);
    await reauth.getByRole('button', { name: 'Confirm' }).click();
    await reveal.waitFor();
  }
  await reveal.getByText('you will not see it again').waitFor();
  await reveal.getByRole('button', { name: `Copy the secret of ${keyName}` }).click();
  await reveal.getByRole('status').filter({ hasText: 'The secret is on the clipboard.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(await reveal.getByLabel(`Secret of ${keyName}`, { exact: true }).inputValue()).toBe(
    copied,
  );
  await reveal.getByRole('button', { name: 'Done' }).click();
  await reveal.waitFor({ state: 'detached' });
  // Shown once: nothing of it stays in the page.
  expect(await page.content()).not.toContain(copied.slice('atr_live_'.length));
  return copied;
}

describe('an owner who gives a tool an API key', () => {
  it('creates it, the tool calls the API with it, rolls it (old secret dead at once), revokes it', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const owner = aPerson(page, uniqueEmail(), PASSWORD);
    await owner.signUp('Ada Lovelace');
    await owner.heading('Profile');

    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'API keys' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^API keys of / }).waitFor();
    const organizationId = decodeURIComponent(owner.path().split('/').pop() ?? '');
    expect(owner.path()).toMatch(/^\/settings\/api-keys\/[^/]+$/);
    await page.getByText('No API keys yet.').waitFor();

    // Create: a name, two scopes, an expiry.
    await page.getByRole('button', { name: 'Create key' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('Billing sync');
    await form.getByRole('checkbox', { name: "Read the organization's details" }).check();
    await form.getByRole('checkbox', { name: 'Read members and invitations' }).check();
    // Every scope is in use now, so an owner may grant each (reading the audit log too).
    expect(await form.getByRole('checkbox', { name: 'Read the audit log' }).isDisabled()).toBe(
      false,
    );
    await form.getByLabel('Expires').selectOption({ label: 'In 90 days' });
    await form.getByRole('button', { name: 'Create key' }).click();
    const first = await copyRevealedSecret(page, 'Copy your new key', 'Billing sync');
    await owner.toastSays('Billing sync was created.');
    expect(first).toMatch(/^atr_live_[0-9A-Za-z]{49}$/);

    const keys = page.getByRole('table', { name: 'Keys' });
    const row = keys.getByRole('row').filter({ hasText: 'Billing sync' });
    await row.getByText(`${first.slice(0, 15)}…`, { exact: false }).waitFor();
    await row.getByText('Never used').waitFor();

    // The tool calls the API with it.
    expect(await askAsTool(server, first, organizationId)).toEqual({
      status: 200,
      name: expect.any(String) as unknown as string,
      code: null,
    });
    await page.reload();
    await row.getByText(/^from /).waitFor();

    // Roll with no grace: a new secret; the old one is refused on the next request.
    await row.getByRole('button', { name: 'Roll Billing sync' }).click();
    const roll = page.getByRole('dialog', { name: 'Roll Billing sync?' });
    await roll.getByRole('radio', { name: /^Stops working now/ }).check();
    await roll.getByRole('button', { name: 'Roll key' }).click();
    const rolledDialog = page.getByRole('dialog', { name: 'Copy the new secret' });
    await rolledDialog.getByText('The old secret no longer works.').waitFor();
    const second = await copyRevealedSecret(page, 'Copy the new secret', 'Billing sync');
    await owner.toastSays('Billing sync has a new secret.');
    expect(second).not.toBe(first);
    expect((await askAsTool(server, first, organizationId)).code).toBe('UNAUTHENTICATED');
    expect((await askAsTool(server, second, organizationId)).code).toBeNull();

    // Revoke once confirmed: the new secret is refused too.
    await row.getByRole('button', { name: 'Revoke Billing sync' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Billing sync?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await owner.toastSays('Billing sync was revoked.');
    await row.getByText('Revoked').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect((await askAsTool(server, second, organizationId)).code).toBe('UNAUTHENTICATED');

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each([
  { width: 375, height: 812, colorScheme: 'dark' },
  { width: 768, height: 1024, colorScheme: 'light' },
] as const)('the create and secret dialogs at $width px, $colorScheme', (view) => {
  it('fit the window and pass axe', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
      viewport: { width: view.width, height: view.height },
      colorScheme: view.colorScheme,
      reducedMotion: 'reduce',
      // The server's CSP allows no inline script, and axe is injected as one.
      bypassCSP: true,
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const owner = aPerson(page, uniqueEmail(), PASSWORD);
    await owner.signUp('Grace Hopper');
    await owner.heading('Profile');
    await page.goto('/settings/api-keys');
    await page.getByRole('heading', { level: 1, name: /^API keys of / }).waitFor();
    const state = `${view.width}-${view.colorScheme}`;

    const problems: string[] = [];
    async function check(name: string) {
      await settled(page);
      await screenshotPage(page, `settings-api-keys--${name}`, state);
      const width = await documentWidth(page);
      if (width.scrollWidth > width.clientWidth) {
        problems.push(`${name}: ${width.scrollWidth} px wide in ${width.clientWidth} px`);
      }
      for (const violation of await blockingAxeViolations(page)) {
        problems.push(`${name}: axe ${violation.rule} at ${violation.targets.join(', ')}`);
      }
    }

    await page.getByRole('button', { name: 'Create key' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('Warehouse sync');
    await form.getByRole('checkbox', { name: 'Read members and invitations' }).check();
    await form.getByLabel('Expires').selectOption({ label: 'On a date…' });
    await form.getByLabel('Expiry date').waitFor();
    await check('create-dialog');

    const inAYear = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await form.getByLabel('Expiry date').fill(inAYear);
    await form.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('dialog', { name: 'Copy your new key' }).waitFor();
    await check('secret-dialog');

    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
