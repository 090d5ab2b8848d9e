import type { BrowserContext, Page } from 'playwright-core';
import en from '../src/locales/en.json';
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
 * Every page of the SPA, signed out and signed in, on a phone and on a laptop, in the light and
 * the dark colour scheme: no page scrolls sideways, axe finds nothing serious or critical, and
 * each state is kept as a screenshot (test-output/screenshots/, which the docs draw from).
 */

const PASSWORD = 'Violet-Harbor-Lamp-42!';

const VIEWS = [
  { width: 375, height: 812, colorScheme: 'light' },
  { width: 375, height: 812, colorScheme: 'dark' },
  { width: 1280, height: 800, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
] as const;
type View = (typeof VIEWS)[number];

/** Phones and laptops as the devices list names them. */
const USER_AGENTS: Record<View['width'], string> = {
  375:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/131.0.0.0 Mobile Safari/537.36',
  1280:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/131.0.0.0 Safari/537.36',
};

const running = withServerAndBrowser();
let seeded: SeededOrganization;

beforeAll(async () => {
  seeded = await seedOrganization(running().server, PASSWORD);
}, 60_000);

function stateName(view: View): string {
  return `${view.width}-${view.colorScheme}`;
}

function horizontalScrollProblem(width: {
  scrollWidth: number;
  clientWidth: number;
}): string | null {
  if (width.scrollWidth <= width.clientWidth) return null;
  return `scrolls sideways: ${width.scrollWidth} px wide in a ${width.clientWidth} px window`;
}

/** Opens one page in one view and lists everything wrong with it, each naming where. */
async function checkPage(
  page: Page,
  errors: string[],
  walked: WalkedPage,
  view: View,
): Promise<string[]> {
  errors.splice(0);
  await page.goto(walked.path(seeded));
  await settled(page);
  const state = stateName(view);
  await screenshotPage(page, walked.name, state);
  if (view.width === 1280 && view.colorScheme === 'light') {
    await screenshotSections(page, walked.name, state);
  }

  const where = `${new URL(page.url()).pathname} (${walked.name}) at ${view.width} px, ${view.colorScheme}`;
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

describe.each(VIEWS)('every page at $width px, $colorScheme', (view) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const { server, browser } = running();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'en-US',
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
    expect(await checkPage(page, errors, walked, view)).toEqual([]);
  });

  it('signs in', async () => {
    await page.goto('/login');
    await aPerson(page, seeded.ownerEmail, PASSWORD).logInWithEnter();
    await page.waitForURL('**/settings/profile');
  });

  it.each(SIGNED_IN_PAGES)('signed in: $name', async (walked) => {
    expect(await checkPage(page, errors, walked, view)).toEqual([]);
    const heading = await page.locator('main h1').first().innerText();
    expect(heading === en.notFound.title).toBe(walked.name === 'not-found');
  });
});
