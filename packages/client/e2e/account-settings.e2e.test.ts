import { aPerson, collectPageErrors, withServerAndBrowser, uniqueEmail } from './browser';

const running = withServerAndBrowser();

describe('a person managing their account in the browser', () => {
  it('signs up, logs out and in, edits the profile and switches to Spanish', async () => {
    const { server, browser } = running();
    // A browser in Madrid: the new account takes its time zone from there.
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
      timezoneId: 'Europe/Madrid',
    });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const person = aPerson(page, uniqueEmail(), 'Violet-Harbor-Lamp-42!');

    // Sign up: straight into the app.
    await person.signUp('Grace Hopper');
    await person.heading('Profile');
    expect(person.path()).toBe('/settings/profile');
    await page.getByRole('banner').getByText('Signed in as Grace Hopper').waitFor();

    // Log out: back to the login page, and the session is gone on the server too.
    await person.logOut();
    await person.heading('Log in to Atrium');
    expect(person.path()).toBe('/login');
    await page.goto('/settings/security');
    await person.heading('Log in to Atrium');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/security');

    // Log in: back to the page they asked for.
    await person.logInWithEnter();
    await person.heading('Security');
    await page.getByRole('navigation').getByRole('link', { name: 'Profile' }).click();
    await person.heading('Profile');

    // The time zone was detected at sign-up; the picker is searched by city.
    await person.openSection('Details');
    const timeZone = page.getByRole('combobox', { name: 'Time zone' });
    expect(await timeZone.inputValue()).toBe('Europe/Madrid');
    await page.getByText(/^UTC\+0[12]:00 · Madrid \(Europe\)$/).waitFor();
    expect(
      await page.locator('datalist option[value="America/New_York"]').getAttribute('label'),
    ).toMatch(/^UTC-0[45]:00 · New York \(America\)$/);

    // Edit the profile; the change survives a reload.
    await page.getByLabel('Full name').fill('Grace B. Hopper');
    await timeZone.fill('America/New_York');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await person.toastSays('Profile saved');
    await page.reload();
    await person.heading('Profile');
    await person.openSection('Details');
    expect(await page.getByLabel('Full name').inputValue()).toBe('Grace B. Hopper');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    await page.getByRole('banner').getByText('Signed in as Grace B. Hopper').waitFor();

    // Switch to Spanish; the UI follows, also after a reload.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await person.heading('Perfil');
    await person.toastSays('Perfil guardado');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.reload();
    await person.heading('Perfil');
    await page.getByRole('navigation').getByRole('link', { name: 'Seguridad' }).waitFor();
    await page.getByRole('button', { name: /^Sesión iniciada como/ }).waitFor();
    await person.openSection('Datos personales');
    expect(await page.getByLabel('Idioma').inputValue()).toBe('es');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
