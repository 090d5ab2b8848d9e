import { aPerson, collectPageErrors, withServerAndBrowser, uniqueEmail } from './browser';
import { linkIn, waitForMail, waitForSms } from './outbox';

const PASSWORD = 'Violet-Harbor-Lamp-42!';
/** A 1×1 PNG; the server re-encodes whatever it accepts. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const running = withServerAndBrowser();

describe('a person keeping their credentials up to date', () => {
  it('confirms the address, sets a picture, changes the address and the phone number', async () => {
    const { server, browser } = running();
    const { outboxDir } = server;
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const email = uniqueEmail();
    const person = aPerson(page, email, PASSWORD);
    const banner = page.getByRole('region', { name: 'Please confirm your email address' });
    const emailSection = page.getByRole('region', { name: 'Email address' });

    // Signed up, the address is unconfirmed until the mailed link is opened.
    await person.signUp('Mary Jackson');
    await person.heading('Profile');
    await banner.waitFor();
    await emailSection.getByText('Not confirmed').waitFor();
    const verification = await waitForMail(
      outboxDir,
      (mail) => mail.to.includes(email) && mail.text.includes('/verify-email?token='),
    );
    await page.goto(linkIn(verification, '/verify-email').href);
    await person.statusSays(`Your email address is confirmed: ${email}`);
    await page.getByRole('link', { name: 'Go to your profile' }).click();
    await person.heading('Profile');
    await emailSection.getByText('Confirmed', { exact: true }).waitFor();
    expect(await banner.count()).toBe(0);

    // A picture: uploaded to /avatar and shown from the API.
    const picture = page.getByRole('region', { name: 'Picture' });
    await picture.getByRole('img', { name: 'No profile picture yet' }).waitFor();
    await picture.getByLabel('Profile picture', { exact: true }).setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await person.toastSays('Your picture was updated.');
    const image = picture.getByRole('img', { name: 'Your profile picture' });
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^${server.baseUrl}/avatars/`));
    await page.waitForFunction(
      () => (document.querySelector('img.avatar') as HTMLImageElement | null)?.naturalWidth,
    );
    await picture.getByRole('button', { name: 'Remove picture' }).click();
    await person.toastSays('Your picture was removed.');
    await picture.getByRole('img', { name: 'No profile picture yet' }).waitFor();

    // A new address: it changes only once the link mailed to it is opened.
    const newEmail = uniqueEmail();
    await person.openSection('Email address');
    await emailSection.getByLabel('New email address', { exact: true }).fill(newEmail);
    await emailSection.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await emailSection.getByRole('button', { name: 'Send confirmation link' }).click();
    await person.toastSays(`We sent a link to ${newEmail}; your address changes when you open it.`);
    await emailSection.getByText(email, { exact: true }).waitFor();
    const change = await waitForMail(outboxDir, (mail) => mail.to.includes(newEmail));
    await page.goto(linkIn(change, '/verify-email').href);
    await person.statusSays(`Your email address is confirmed: ${newEmail}`);
    await page.getByRole('link', { name: 'Go to your profile' }).click();
    await emailSection.getByText(newEmail, { exact: true }).waitFor();

    // A phone number: the code texted to it sets it.
    const phoneSection = page.getByRole('region', { name: 'Phone number' });
    await phoneSection.getByText('No phone number yet.').waitFor();
    await person.openSection('Phone number');
    await phoneSection.getByLabel('New phone number', { exact: true }).fill('+34 612 345 678');
    await phoneSection.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await phoneSection.getByRole('button', { name: 'Text me a code' }).click();
    const code = phoneSection.getByLabel('Code', { exact: true });
    await code.waitFor();
    const sms = await waitForSms(outboxDir, '+34612345678');
    const sent = /\b(\d{6})\b/.exec(sms.body)?.[1];
    if (!sent) throw new Error(`No code in "${sms.body}"`);
    await code.fill(sent === '000000' ? '111111' : '000000');
    await code.press('Enter');
    await phoneSection.getByText('That code is not right').waitFor();
    await code.fill(sent);
    await code.press('Enter');
    await person.toastSays('Your phone number is now +34 612 34 56 78.');
    await phoneSection.getByText('+34 612 34 56 78', { exact: true }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
