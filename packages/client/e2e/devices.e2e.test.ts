import type { BrowserContext, Page } from 'playwright-core';
import {
  aPerson,
  collectPageErrors,
  withServerAndBrowser,
  sessionEventsSubscribed,
  uniqueEmail,
} from './browser';

/** The second device is a Windows laptop, so each device has its own name in the list. */
const WINDOWS_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/131.0.0.0 Safari/537.36';
const PASSWORD = 'Violet-Harbor-Lamp-42!';

const running = withServerAndBrowser();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A browser of its own (cookies included): one device. */
async function aDevice(userAgent?: string): Promise<Page> {
  const { server, browser } = running();
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US', userAgent });
  contexts.push(context);
  return context.newPage();
}

describe('signing out another device', () => {
  it('takes that device to the login page at once, without a reload', async () => {
    const email = uniqueEmail();
    const pageA = await aDevice();
    const pageB = await aDevice(WINDOWS_CHROME);
    const errorsA = collectPageErrors(pageA);
    const errorsB = collectPageErrors(pageB);
    const a = aPerson(pageA, email, PASSWORD);
    const b = aPerson(pageB, email, PASSWORD);
    const devicesA = pageA.getByRole('list', { name: 'Devices' });

    // A signs up and opens Security → Devices: only this device so far.
    const aListening = sessionEventsSubscribed(pageA);
    await a.signUp('Ada Lovelace');
    await a.heading('Profile');
    await pageA.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    await a.heading('Devices');
    await devicesA.getByText('This device').waitFor();
    expect(await devicesA.getByRole('listitem').count()).toBe(1);
    await aListening;

    // B logs in with the same account on a Windows laptop; A's list shows it live.
    const bListening = sessionEventsSubscribed(pageB);
    await pageB.goto('/settings/security');
    await b.heading('Log in to Atrium');
    await b.logInWithEnter();
    await b.heading('Devices');
    const signOutB = pageA.getByRole('button', { name: 'Sign out Chrome 131 on Windows 10' });
    await signOutB.waitFor();
    expect(await devicesA.getByRole('listitem').count()).toBe(2);
    await bListening;

    // A signs B out. B is on the login page within 2 s, in the same document, saying why.
    await pageB.evaluate(() => Reflect.set(window, 'sameDocument', true));
    const clickedAt = Date.now();
    await signOutB.click();
    await pageB.waitForURL((url) => url.pathname === '/login', { timeout: 2000 });
    const elapsedMs = Date.now() - clickedAt;
    if (process.env.E2E_TIMINGS) process.stderr.write(`revocation → login page: ${elapsedMs} ms\n`);
    await b.statusSays('You were signed out from another device.');
    await b.heading('Log in to Atrium');
    expect(await pageB.evaluate(() => Reflect.get(window, 'sameDocument'))).toBe(true);

    // A's list no longer shows B.
    await a.toastSays('Chrome 131 on Windows 10 was signed out.');
    await signOutB.waitFor({ state: 'detached' });
    expect(await devicesA.getByRole('listitem').count()).toBe(1);
    await pageA.getByText('No other devices are signed in.').waitFor();

    // B's session is over on the server too: a reload stays signed out.
    await pageB.reload();
    await b.heading('Log in to Atrium');
    expect(b.path()).toBe('/login');

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });
});
