import { aPerson, collectPageErrors, uniqueEmail, withServerAndBrowser } from './browser';
import { waitForSms } from './outbox';

const PASSWORD = 'Quartz-Meadow-Lantern-7!';

const running = withServerAndBrowser();

describe('sign-in methods in the browser', () => {
  it('registers a passkey with Chromium’s virtual authenticator, then signs in with it and no password', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const person = aPerson(page, uniqueEmail(), PASSWORD);

    // A platform authenticator that holds discoverable credentials and verifies its user
    // (as a fingerprint reader would), answering at once.
    const devtools = await context.newCDPSession(page);
    await devtools.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await person.signUp('Grace Hopper');
    await person.heading('Profile');
    await page.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByText('No passkeys yet').waitFor();
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    await person.toastSays('The passkey was added. You can sign in with it now.');
    await passkeys.getByText('Not used yet').waitFor();
    const { credentials } = await devtools.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    await person.logOut();
    await person.heading('Log in to Atrium');
    // Nothing typed: the passkey alone signs in (the autofill prompt may answer first).
    const button = page.getByRole('button', { name: 'Sign in with a passkey' });
    await button.click().catch(() => undefined);
    await person.heading('Profile');
    await expect(page.getByLabel('Password', { exact: true }).count()).resolves.toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    await page
      .getByRole('region', { name: 'Activity' })
      .getByRole('heading', { name: 'Signed in with a passkey' })
      .first()
      .waitFor();
    await passkeys.getByRole('row').filter({ hasNotText: 'Not used yet' }).first().waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('signs in with a code texted to the verified phone, read from the outbox', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const person = aPerson(page, uniqueEmail(), PASSWORD);
    const phone = '+31612345678';

    await person.signUp('Katherine Johnson');
    await person.heading('Profile');
    const phoneSection = page.getByRole('region', { name: 'Phone number' });
    await person.openSection('Phone number');
    await phoneSection.getByLabel('New phone number', { exact: true }).fill('+31 6 12345678');
    await phoneSection.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await phoneSection.getByRole('button', { name: 'Text me a code' }).click();
    const verification = phoneSection.getByLabel('Code', { exact: true });
    await verification.waitFor();
    await verification.fill(codeIn((await waitForSms(server.outboxDir, phone)).body));
    await verification.press('Enter');
    await person.toastSays('Your phone number is now +31 6 12345678.');

    await page.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });
    await twoFactor.getByText(/this is the weakest method/).waitFor();
    await twoFactor.getByRole('button', { name: 'Turn on text-message codes' }).click();
    await twoFactor.getByRole('list', { name: 'Your backup codes' }).waitFor();
    await twoFactor.getByRole('button', { name: 'I saved them' }).click();
    await twoFactor.getByRole('button', { name: 'Turn off text-message codes' }).waitFor();

    await person.logOut();
    await person.heading('Log in to Atrium');
    await person.logInWithEnter();
    await person.heading('Two-factor authentication');
    // Text messages are the only method: the code is sent at once.
    await page.getByText(/We texted a 6-digit code to \+31/).waitFor();
    const sms = await waitForSms(server.outboxDir, phone);
    await page.getByLabel('Code').fill(codeIn(sms.body));
    await page.getByRole('button', { name: 'Verify' }).click();
    await person.heading('Profile');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

function codeIn(body: string): string {
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`No code in "${body}"`);
  return code;
}
