import { createHmac } from 'node:crypto';
import { aPerson, collectPageErrors, withServerAndBrowser, uniqueEmail } from './browser';

const PASSWORD = 'Violet-Harbor-Lamp-42!';

/** RFC 4648 base32 (the manual key), spaces and padding ignored. */
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`Not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP with SHA-1, 30-second steps and 6 digits, independent of the server's. */
function totp(key: Buffer, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

const running = withServerAndBrowser();

describe('two-factor authentication in the browser', () => {
  it('turns it on from the manual key, then signs in with a code', async () => {
    const { server, browser } = running();
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const person = aPerson(page, uniqueEmail(), PASSWORD);
    const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });

    await person.signUp('Annie Easley');
    await person.heading('Profile');
    await page.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
    await person.heading('Two-factor authentication');

    // Turn on: the QR code and the key a person would type into their app.
    await twoFactor.getByRole('button', { name: 'Set up' }).click();
    await twoFactor.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const shownKey = await twoFactor.locator('.manual-key code').innerText();
    expect(shownKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const key = base32Decode(shownKey);
    expect(key.length).toBeGreaterThanOrEqual(20);

    await twoFactor.getByLabel('Code from the app').fill(totp(key, Date.now()));
    await twoFactor.getByRole('button', { name: 'Confirm' }).click();
    const codes = twoFactor.getByRole('list', { name: 'Your backup codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await person.toastSays('Two-factor authentication is on.');
    await twoFactor.getByRole('button', { name: 'I saved them' }).click();
    await twoFactor.getByRole('button', { name: 'Turn off the authenticator app' }).waitFor();

    // Log out and in: the password is not enough any more.
    await person.logOut();
    await person.heading('Log in to Atrium');
    await person.logInWithEnter();
    await person.heading('Two-factor authentication');
    await page
      .getByText('Enter the 6-digit code from your authenticator app, or a backup code.')
      .waitFor();
    // The step used at enrolment cannot be replayed, so the next one (±1 step is accepted).
    await page.getByLabel('Code').fill(totp(key, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verify' }).click();
    await person.heading('Profile');
    expect(person.path()).toBe('/settings/profile');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
