import type { Page } from 'playwright-core';
import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import { blockingAxeViolations, screenshotPage, settled } from './pageChecks';

const PASSWORD = 'Amber-Ledger-Comet-31!';

const running = withServerAndBrowser();

/** A GraphQL call from the page's own context: the signed-in cookie, or a tool's bearer key. */
async function call<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<T> {
  const response = await page.request.post('/graphql', {
    data: { query, variables },
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * What a billing service and the product's services would have said by now: usage, a wallet
 * balance and two invoices, through a key the owner created with the billing scopes.
 */
async function reportBilling(page: Page, organizationId: string): Promise<void> {
  const { createApiKey } = await call<{ createApiKey: { secret: string } }>(
    page,
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    {
      input: {
        organizationId,
        name: 'Billing sync',
        scopes: ['USAGE_REPORT', 'BILLING_WRITE'],
      },
    },
  );
  const key = createApiKey.secret;
  for (const [metric, quantity] of [
    ['MINUTES', 320],
    ['MESSAGES', 1_480],
    ['GROUPS', 4],
  ] as const) {
    await call(
      page,
      `mutation ($input: ReportUsageInput!) { reportUsage(input: $input) { id } }`,
      { input: { metric, quantity, idempotencyKey: `${metric}-1` } },
      key,
    );
  }
  await call(
    page,
    `mutation ($input: SetWalletBalanceInput!) { setWalletBalance(input: $input) { amount } }`,
    { input: { amount: 42.5, currency: 'EUR' } },
    key,
  );
  const invoice = `mutation ($input: UpsertInvoiceInput!) { upsertInvoice(input: $input) { id } }`;
  await call(
    page,
    invoice,
    {
      input: {
        number: 'INV-2026-0001',
        periodStart: '2026-01-01T00:00:00.000Z',
        periodEnd: '2026-02-01T00:00:00.000Z',
        amount: 49,
        currency: 'EUR',
        status: 'PAID',
        pdfUrl: 'https://billing.example.com/invoices/INV-2026-0001.pdf',
      },
    },
    key,
  );
  await call(
    page,
    invoice,
    {
      input: {
        number: 'INV-2026-0002',
        periodStart: '2026-02-01T00:00:00.000Z',
        periodEnd: '2026-03-01T00:00:00.000Z',
        amount: 49,
        currency: 'EUR',
        status: 'OPEN',
      },
    },
    key,
  );
}

/**
 * An owner with two pending invitations (three seats of Professional's three) moves to Dental
 * and back, seeing the seat effect in the dialog before each change and the new plan after it.
 */
it('changes the plan, seeing the seat effect first, then the new plan on the page and both changes in the audit log', async () => {
  const { server, browser } = running();
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    // axe is injected as an inline script, which the app's CSP rightly refuses.
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const owner = aPerson(page, uniqueEmail(), PASSWORD);
  await owner.signUp('Katherine Johnson');
  await owner.heading('Profile');

  const { myOrganizations } = await call<{ myOrganizations: Array<{ id: string }> }>(
    page,
    '{ myOrganizations { id } }',
  );
  const organizationId = myOrganizations[0].id;
  for (const email of [uniqueEmail(), uniqueEmail()]) {
    await call(
      page,
      `mutation ($input: InviteTeamMemberInput!) { inviteTeamMember(input: $input) { id } }`,
      { input: { organizationId, email, role: 'MEMBER' } },
    );
  }
  await reportBilling(page, organizationId);

  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Plan & billing' })
    .click();
  await page.getByRole('heading', { level: 1, name: /^Plan & billing of / }).waitFor();
  await page.getByText('Professional plan', { exact: true }).waitFor();
  await page.getByText('3 of 3 seats used', { exact: true }).waitFor();
  const usage = page.getByRole('list', { name: 'Usage this cycle' });
  expect(await usage.getByRole('meter', { name: 'Minutes' }).getAttribute('aria-valuetext')).toBe(
    '320 of 1,000 (32 %)',
  );
  await page.getByText('€42.50').waitFor();
  await page
    .getByRole('table', { name: 'Invoices' })
    .getByRole('link', { name: 'Download invoice INV-2026-0001 (PDF)' })
    .waitFor();
  await settled(page);
  await screenshotPage(page, 'billing', '1280-light');
  expect(await blockingAxeViolations(page)).toEqual([]);

  // Up to Dental: three seats in use of ten.
  await page.getByRole('button', { name: 'Change plan' }).click();
  let dialog = page.getByRole('dialog', { name: 'Change plan' });
  await dialog.getByRole('radio', { name: /^Dental/ }).check();
  await dialog.getByText('3 of 3 seats used → 3 of 10', { exact: true }).waitFor();
  await dialog.getByRole('button', { name: 'Change to Dental' }).click();
  await owner.toastSays('You are on the Dental plan now.');
  await page.getByText('Dental plan', { exact: true }).waitFor();
  await page.getByText('3 of 10 seats used', { exact: true }).waitFor();
  // Dental's limits now: 320 minutes of 5,000.
  await usage.locator('meter[aria-valuetext="320 of 5,000 (6 %)"]').waitFor();

  // And back to Professional: the dialog says what it does to the seats before confirming.
  const toasts = page.getByRole('region', { name: 'Notifications' });
  for (const close of await toasts.getByRole('button').all()) await close.click();
  await page.getByRole('button', { name: 'Change plan' }).click();
  dialog = page.getByRole('dialog', { name: 'Change plan' });
  await dialog.getByRole('radio', { name: /^Professional/ }).check();
  await dialog.getByText('3 of 10 seats used → 3 of 3', { exact: true }).waitFor();
  await dialog.getByText('Minutes per cycle: 5,000 → 1,000', { exact: true }).waitFor();
  await settled(page);
  await screenshotPage(page, 'billing-change-plan', '1280-light');
  expect(await blockingAxeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Change to Professional' }).click();
  await owner.toastSays('You are on the Professional plan now.');
  await page.getByText('Professional plan', { exact: true }).waitFor();
  await page.getByText('3 of 3 seats used', { exact: true }).waitFor();
  expect(await page.getByRole('dialog').count()).toBe(0);

  // The server has it too.
  const { organization } = await call<{ organization: { plan: string } }>(
    page,
    'query ($id: ID!) { organization(id: $id) { plan } }',
    { id: organizationId },
  );
  expect(organization.plan).toBe('PROFESSIONAL');

  // The organization's audit log has both changes, made by this person.
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await page.getByRole('heading', { level: 1, name: /^Audit log of / }).waitFor();
  const entries = page.getByRole('list', { name: 'Entries' });
  await entries.getByText('Plan changed').first().waitFor();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Type').selectOption({ label: 'Plan changed' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  // The unfiltered list goes (a skeleton while the filtered page loads), then the two entries.
  await entries.getByText('Member invited').first().waitFor({ state: 'detached' });
  const planChanges = entries.getByRole('button', { name: /^Details of entry \d+: Plan changed$/ });
  await planChanges.nth(1).waitFor();
  expect(await entries.getByRole('listitem').count()).toBe(2);
  // Newest first: the change back from Dental to Professional.
  await planChanges.first().click();
  const changes = entries.getByRole('table', { name: /^Changes of entry \d+$/ });
  const cells = await changes.getByRole('row', { name: /^Plan/ }).getByRole('cell').allInnerTexts();
  expect(cells.map((cell) => cell.toUpperCase())).toEqual(['DENTAL', 'PROFESSIONAL']);
  await entries.getByText('Katherine Johnson', { exact: false }).first().waitFor();
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);
