import type { BrowserContext, Page } from 'playwright-core';
import en from '../src/locales/en.json';
import es from '../src/locales/es.json';
import { aPerson, collectPageErrors, withServerAndBrowser } from './browser';
import {
  blockingAxeViolations,
  documentWidth,
  screenshotPage,
  screenshotSections,
  settled,
} from './pageChecks';
import { SIGNED_IN_PAGES, SIGNED_OUT_PAGES, type WalkedPage } from './pages';
import { seedOrganization, type SeededOrganization } from './seed';

/**
 * The walk of every page of the SPA, signed out and signed in, on a phone, a tablet and a laptop,
 * in the light and the dark colour scheme, and in Spanish: no page scrolls sideways, axe finds
 * nothing serious or critical, and each state is kept as a screenshot (test-output/screenshots/,
 * which the docs draw from). Two test files walk half the views each, so they run side by side.
 */

const PASSWORD = 'Violet-Harbor-Lamp-42!';

/**
 * The three widths, both colour schemes, and Spanish (longer words) on the narrowest screen. The
 * Spanish view comes last in its file: it switches the seeded owner's language, which the views
 * before it read.
 */
export const PHONE_VIEWS = [
  { width: 375, height: 812, colorScheme: 'light', language: 'en' },
  { width: 375, height: 812, colorScheme: 'dark', language: 'en' },
  { width: 375, height: 812, colorScheme: 'light', language: 'es' },
] as const;
export const WIDE_VIEWS = [
  { width: 768, height: 1024, colorScheme: 'light', language: 'en' },
  { width: 1280, height: 800, colorScheme: 'light', language: 'en' },
  { width: 1280, height: 800, colorScheme: 'dark', language: 'en' },
] as const;
type View = (typeof PHONE_VIEWS)[number] | (typeof WIDE_VIEWS)[number];

/** Phones and laptops as the devices list names them. */
const USER_AGENTS: Record<View['width'], string> = {
  375:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/131.0.0.0 Mobile Safari/537.36',
  768:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/131.0.0.0 Safari/537.36',
  1280:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/131.0.0.0 Safari/537.36',
};

/** Walks every page in each of `views`, in order, on a server and organization of its own. */
export function walkEveryPage(views: readonly View[]): void {
  const running = withServerAndBrowser();
  let seeded: SeededOrganization;

  beforeAll(async () => {
    seeded = await seedOrganization(running().server, PASSWORD);
  }, 60_000);

  describe.each(views)('every page at $width px, $colorScheme, $language', (view) => {
    walkView(view, running, () => seeded);
  });
}

function stateName(view: View): string {
  const state = `${view.width}-${view.colorScheme}`;
  return view.language === 'en' ? state : `${state}-${view.language}`;
}

function horizontalScrollProblem(width: {
  scrollWidth: number;
  clientWidth: number;
}): string | null {
  if (width.scrollWidth <= width.clientWidth) return null;
  return `scrolls sideways: ${width.scrollWidth} px wide in a ${width.clientWidth} px window`;
}

/**
 * Goes to `target` the way the app's own links do, without loading the app again (the first page
 * of a view, or the page already open, is loaded in full), and waits until the page there has
 * put up its own heading.
 */
async function openPage(page: Page, target: string): Promise<void> {
  const current = new URL(page.url());
  if (!current.protocol.startsWith('http') || `${current.pathname}${current.search}` === target) {
    await page.goto(target);
    return;
  }
  const heading = await page.$('h1');
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, target);
  await page.waitForFunction((before) => {
    const now = document.querySelector('h1');
    return now !== null && now !== before;
  }, heading);
  await heading?.dispose();
}

/** Opens one page in one view and lists everything wrong with it, each naming where. */
async function checkPage(
  page: Page,
  errors: string[],
  walked: WalkedPage,
  view: View,
  seeded: SeededOrganization,
): Promise<string[]> {
  errors.splice(0);
  await openPage(page, walked.path(seeded));
  await settled(page);
  const state = stateName(view);
  await screenshotPage(page, walked.name, state);
  if (view.width === 1280 && view.colorScheme === 'light' && view.language === 'en') {
    await screenshotSections(page, walked.name, state);
  }

  const where = `${new URL(page.url()).pathname} (${walked.name}) at ${view.width} px, ${view.colorScheme}, ${view.language}`;
  const problems: string[] = [];
  const scrollProblem = horizontalScrollProblem(await documentWidth(page));
  if (scrollProblem) problems.push(`${where}: ${scrollProblem}`);
  for (const violation of await blockingAxeViolations(page)) {
    problems.push(
      `${where}: axe ${violation.impact} ${violation.rule} (${violation.help}) at ${violation.targets.join(', ')}`,
    );
  }
  for (const error of errors) problems.push(`${where}: page error ${error}`);
  return problems;
}

function walkView(
  view: View,
  running: ReturnType<typeof withServerAndBrowser>,
  seededOrganization: () => SeededOrganization,
): void {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const { server, browser } = running();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: view.language === 'es' ? 'es-ES' : 'en-US',
      viewport: { width: view.width, height: view.height },
      colorScheme: view.colorScheme,
      reducedMotion: 'reduce',
      userAgent: USER_AGENTS[view.width],
      // The server's CSP allows no inline script, and axe is injected as one.
      bypassCSP: true,
    });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it.each(SIGNED_OUT_PAGES)('signed out: $name', async (walked) => {
    expect(await checkPage(page, errors, walked, view, seededOrganization())).toEqual([]);
  });

  it('signs in', async () => {
    const seeded = seededOrganization();
    await page.goto('/login');
    const owner = aPerson(page, seeded.ownerEmail, PASSWORD);
    // Signed out, the page speaks the browser's language.
    const texts = view.language === 'es' ? es : en;
    await page.getByLabel(texts.auth.email, { exact: true }).fill(seeded.ownerEmail);
    await page.getByLabel(texts.auth.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(texts.auth.password, { exact: true }).press('Enter');
    await page.waitForURL('**/settings/profile');
    if (view.language === 'es') {
      // Signed in, the app speaks the account's language: the owner chooses Spanish.
      await owner.openSection('Details');
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await owner.heading(es.profile.title);
    }
  });

  it.each(SIGNED_IN_PAGES)('signed in: $name', async (walked) => {
    expect(await checkPage(page, errors, walked, view, seededOrganization())).toEqual([]);
    const heading = await page.locator('main h1').first().innerText();
    const texts = view.language === 'es' ? es : en;
    expect(heading === texts.notFound.title).toBe(walked.name === 'not-found');
  });
}
