import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import { blockingAxeViolations, screenshotPage, settled } from './pageChecks';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();

/**
 * An owner adds a webhook endpoint in the browser (the production server refuses a private
 * address first), copies its secret, opens it, reveals the secret again and turns it off.
 * Nothing is delivered: production allows public https targets only.
 */
it('adds an endpoint, shows its secret, opens it and turns it off', async () => {
  const { server, browser } = running();
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const owner = aPerson(page, uniqueEmail(), PASSWORD);
  await owner.signUp('Hedy Lamarr');
  await owner.heading('Profile');
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Webhooks' })
    .click();
  await page.getByRole('heading', { level: 1, name: /^Webhooks of / }).waitFor();
  await page.getByText('No endpoints yet.').waitFor();

  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
  await dialog.getByLabel('Endpoint URL').fill('https://127.0.0.1/hooks');
  await dialog.getByLabel('Description (optional)').fill('CRM sync');
  await dialog.getByRole('checkbox', { name: 'call.completed' }).check();
  await dialog.getByRole('checkbox', { name: 'member.joined' }).check();
  await dialog.getByText('Example payload').first().click();
  await settled(page);
  await screenshotPage(page, 'webhooks-add', '1280-light');
  expect(await blockingAxeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await dialog
    .getByText('Webhooks can only go to public addresses, not to local or private networks.')
    .first()
    .waitFor();
  await dialog.getByLabel('Endpoint URL').fill('https://hooks.hedy.example/atrium');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'Endpoint added: its signing secret' });
  const secret = await secretDialog.locator('code').innerText();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await owner.toastSays('Endpoint added.');

  await page
    .getByRole('region', { name: 'Delivery log' })
    .getByText('Nothing delivered yet.')
    .waitFor();
  await page
    .getByRole('region', { name: 'Signing secret' })
    .getByRole('button', { name: 'Reveal secret' })
    .click();
  const revealed = page.getByRole('dialog', { name: 'Signing secret' });
  expect(await revealed.locator('code').innerText()).toBe(secret);
  await revealed.getByRole('button', { name: 'Done' }).click();
  const toasts = page.getByRole('region', { name: 'Notifications' });
  for (const close of await toasts.getByRole('button').all()) await close.click();
  await settled(page);
  await screenshotPage(page, 'webhooks-endpoint', '1280-light');
  expect(await blockingAxeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Turn off' }).click();
  await owner.toastSays('Endpoint turned off.');
  await page
    .getByRole('table', { name: 'Endpoints' })
    .getByText('Turned off', { exact: true })
    .waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
