import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import { screenshotPage } from './pageChecks';
// The server tests' reader: one ZIP reader for both suites, independent of the writer.
import { readZip } from '../../server/test/support/zip';

const PASSWORD = 'Quiet-Meadow-Lantern-7!';

const running = withServerAndBrowser();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function aBrowser(): Promise<Page> {
  const { server, browser } = running();
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-US',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  return context.newPage();
}

describe('Settings → Privacy', () => {
  it('requests an export, downloads it and opens the ZIP; then schedules deletion and cancels it', async () => {
    const email = uniqueEmail();
    const page = await aBrowser();
    const errors = collectPageErrors(page);
    const person = aPerson(page, email, PASSWORD);
    await person.signUp('Grace Hopper');
    await person.heading('Profile');
    await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();
    await person.heading('Privacy');

    // Export: requested, built by the job while the page polls, then downloaded.
    await page.getByRole('button', { name: 'Request export' }).click();
    await person.toastSays('Export requested. We will email you when it is ready.');
    const download = page.getByRole('link', { name: /^Download the export of / });
    await download.waitFor({ timeout: 20_000 });
    await page.getByText(/^Download until /).waitFor();
    await screenshotPage(page, 'privacy-export-ready', '1280-light');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const zip = await readFile((await file.path())!);
    const files = await readZip(zip);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
      formatVersion: number;
      files: Array<{ name: string; sha256: string; rows: number }>;
    };
    expect(manifest.formatVersion).toBe(1);
    for (const entry of manifest.files) {
      expect(createHash('sha256').update(files.get(entry.name)!).digest('hex')).toBe(entry.sha256);
    }
    const account = JSON.parse(files.get('account.json')!.toString()) as Array<{ email: string }>;
    expect(account[0].email).toBe(email);

    // Delete: the dialog shows the date and wants the word typed; every device signs out.
    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByText(/will be erased on /).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete my account' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
    await confirm.click();
    await page.waitForURL((url) => url.pathname === '/login');
    await person.heading('Log in to Atrium');

    // Signing in before the date offers to keep the account.
    await person.logInWithEnter();
    const banner = page.getByRole('region', { name: /^Your account will be deleted on / });
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Keep my account' }).click();
    await person.toastSays('Your account will not be deleted.');
    await banner.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
