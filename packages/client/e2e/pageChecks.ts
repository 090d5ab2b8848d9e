import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Screenshots of every walked state: CI keeps them as artifacts; the docs copy a few. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'test-output', 'screenshots');

/** What axe finds that stops someone using the page; moderate and minor ones are advice. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the elements at fault (the first few). */
  targets: string[];
}

/** Runs axe-core in the page as it is now and returns its serious and critical violations. */
export async function blockingAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axe.source });
  }
  const violations = await page.evaluate(async () => {
    const { axe: inPage } = window as unknown as { axe: typeof axe };
    const results = await inPage.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact));
}

/** How wide the document is against the viewport; wider means the page scrolls sideways. */
export function documentWidth(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/**
 * Waits until the page has drawn what it loads: its main heading, no request in flight for
 * half a second, nothing marked busy, the fonts in.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The whole page, as `<name>--<state>.png`. */
export async function screenshotPage(page: Page, name: string, state: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}--${state}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/**
 * Each titled section of the page on its own, as `<name>--<heading>--<state>.png`: what a
 * page of the user guide shows beside the text about it.
 */
export async function screenshotSections(page: Page, name: string, state: string): Promise<void> {
  const sections = page.locator('main section:has(h2)');
  for (let index = 0; index < (await sections.count()); index += 1) {
    const section = sections.nth(index);
    const heading = slug(await section.locator('h2').first().innerText());
    await section.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}--${heading}--${state}.png`),
      animations: 'disabled',
    });
  }
}
