/** @jest-environment node */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const tokens = readFileSync(path.resolve(__dirname, '../../styles/tokens.css'), 'utf8');
const styles = readFileSync(path.resolve(__dirname, '../../styles.css'), 'utf8');

const darkStart = tokens.indexOf('@media (prefers-color-scheme: dark)');
const light = tokens.slice(0, darkStart);
const dark = tokens.slice(darkStart);

const declared = (css: string) =>
  new Set([...css.matchAll(/(--[\w-]+):/g)].map(([, name]) => name));
const colours = (css: string) => [...declared(css)].filter((name) => name.startsWith('--color-'));

/** Relative luminance and contrast ratio, as WCAG 2 defines them. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
function valueIn(css: string, name: string): string {
  const match = new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
  if (!match) throw new Error(`${name} is not a #rrggbb colour here`);
  return match[1];
}

describe('themes', () => {
  it('follow the system setting, and the dark theme sets every colour the light one does', () => {
    expect(darkStart).toBeGreaterThan(0);
    expect(colours(dark).sort()).toEqual(colours(light).sort());
  });

  it('use only declared tokens in the styles', () => {
    const known = declared(tokens);
    const used = [...styles.matchAll(/var\((--[\w-]+)/g)].map(([, name]) => name);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  // Text against the surfaces it sits on: at least 4.5:1 (WCAG AA) in both themes.
  const PAIRS = [
    ['--color-text', '--color-surface'],
    ['--color-text', '--color-bg'],
    ['--color-text-muted', '--color-surface'],
    ['--color-text-muted', '--color-bg'],
    ['--color-accent', '--color-surface'],
    ['--color-on-accent', '--color-accent'],
    ['--color-on-danger', '--color-danger'],
    ['--color-danger-text', '--color-danger-soft'],
    ['--color-success-text', '--color-success-soft'],
    ['--color-warning-text', '--color-warning-soft'],
    ['--color-neutral-text', '--color-neutral-soft'],
    ['--color-accent-text', '--color-accent-soft'],
  ] as const;

  it.each(['light', 'dark'] as const)('have readable text in the %s theme', (theme) => {
    const css = theme === 'light' ? light : dark;
    const poor = PAIRS.map(([fg, bg]) => [fg, bg, contrast(valueIn(css, fg), valueIn(css, bg))])
      .filter(([, , ratio]) => Number(ratio) < 4.5)
      .map(([fg, bg, ratio]) => `${fg} on ${bg}: ${Number(ratio).toFixed(2)}`);
    expect(poor).toEqual([]);
  });
});
