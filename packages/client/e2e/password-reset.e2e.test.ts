import { aPerson, collectPageErrors, withServerAndBrowser, uniqueEmail } from './browser';
import { linkIn, waitForMail } from './outbox';

const OLD_PASSWORD = 'Violet-Harbor-Lamp-42!';
const NEW_PASSWORD = 'Fresh-Start-2-Passphrase!';

const running = withServerAndBrowser();

describe('a person who forgot their password', () => {
  it('resets it from the emailed link and logs in with the new one', async () => {
    const { server, browser } = running();
    const { outboxDir } = server;
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const email = uniqueEmail();
    const before = aPerson(page, email, OLD_PASSWORD);
    const after = aPerson(page, email, NEW_PASSWORD);

    // Sign up (the address is not confirmed yet), then log out.
    await before.signUp('Katherine Johnson');
    await before.heading('Profile');
    await page.getByText('Please confirm your email address').waitFor();
    await before.logOut();
    await before.heading('Log in to Atrium');

    // Ask for a link from the login page: the answer says nothing about the account.
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await before.heading('Reset your password');
    expect(before.path()).toBe('/forgot-password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await before.statusSays('If an account exists for that address, we sent a link.');

    // The newest mail to this address with a reset link; sign-up mailed a verification first.
    const mail = await waitForMail(
      outboxDir,
      (message) => message.to.includes(email) && message.text.includes('/reset-password?token='),
    );
    expect(mail.subject).toBe('Reset your Atrium password');
    const link = linkIn(mail, '/reset-password');
    expect(link.origin).toBe(server.baseUrl);
    expect(link.searchParams.get('token')).toMatch(/^[\w-]{20,}$/);

    // Follow it and choose a new password, with the strength meter's advice on the way.
    await page.goto(link.href);
    await before.heading('Choose a new password');
    const meter = page.getByRole('meter', { name: 'Password strength' });
    await page.getByLabel('New password', { exact: true }).fill('short');
    expect(await meter.getAttribute('aria-valuetext')).toBe('Too weak');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    expect(await meter.getAttribute('aria-valuetext')).toBe('Strong');
    await page.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();

    // On to the login page, which says what happened.
    await before.heading('Log in to Atrium');
    expect(before.path()).toBe('/login');
    await before.statusSays('Your password was changed. Sign in with the new one.');

    // The link worked once: opening it again is refused.
    await page.goto(link.href);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This reset link is invalid, expired or already used.' })
      .waitFor();

    // The new password lets the person in.
    await page.goto('/login');
    await after.logInWithEnter();
    await after.heading('Profile');
    // The organization switcher in the banner names her own workspace after her too.
    await page.getByRole('banner').getByText('Signed in as Katherine Johnson').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
