import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './server';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Debian's Chromium (or CHROMIUM_PATH), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** An address no earlier run (or the other pass on a shared database) has used. */
export function uniqueEmail(): string {
  return `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Uncaught errors and console errors of a page, which a test expects to stay empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * Resolves once the page has asked the server for `sessionEvents` over graphql-ws. Call it
 * before the page opens its socket.
 */
export function sessionEventsSubscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString('utf8');
        if (text.includes('"subscribe"') && text.includes('sessionEvents')) resolve();
      });
    });
  });
}

/** One person in one browser tab, with the steps they take named as they would name them. */
export function aPerson(page: Page, email: string, password: string) {
  const path = () => new URL(page.url()).pathname;
  const heading = (name: string) => page.getByRole('heading', { name, exact: true }).waitFor();
  return {
    path,
    heading,
    statusSays: (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor(),
    /** A confirmation toast (in the Notifications region) says `text`. */
    toastSays: (text: string) =>
      page
        .getByRole('region', { name: /^(Notifications|Notificaciones)/ })
        .getByText(text)
        .first()
        .waitFor(),
    /** Opens the account menu in the header and chooses Log out. */
    async logOut() {
      await page.getByRole('button', { name: /^Signed in as/ }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
    },
    /** Opens a section's form with its Edit button. */
    async openSection(name: string) {
      const section = page.getByRole('region', { name, exact: true });
      await section.getByRole('button', { name: /^(Edit|Editar) / }).click();
      return section;
    },
    async signUp(fullName: string) {
      await page.goto('/signup');
      await page.getByLabel('Full name').fill(fullName);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
    },
    async logInWithEnter() {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Password', { exact: true }).press('Enter');
    },
  };
}

/**
 * The real server and a Chromium for one test file: started before its tests, stopped after.
 * Call the returned function inside a test (or a helper it runs) to get both.
 */
export function withServerAndBrowser(): () => { server: RunningServer; browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return () => {
    if (!server || !browser) throw new Error('setup failed');
    return { server, browser };
  };
}
