/** @jest-environment node */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import i18n, { type Language } from '../../app/i18n';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import { ErrorCode, ErrorReason } from '../../generated/graphql';

const TRANSLATIONS: Record<Language, unknown> = { en, es };
const LANGUAGES = Object.keys(TRANSLATIONS) as Language[];

// Spanish is fetched when first needed in the app; here it is loaded up front.
beforeAll(() => i18n.addResourceBundle('es', 'translation', es));
const CODES = [...Object.values(ErrorCode), 'NETWORK'];
const REASONS = Object.values(ErrorReason);

/** The English message of each reason, as the checked-in schema describes it. */
const serverMessages = new Map(
  (
    buildSchema(
      readFileSync(path.resolve(__dirname, '../../../../../schema.graphql'), 'utf8'),
    ).getType('ErrorReason') as GraphQLEnumType
  )
    .getValues()
    .map((value) => [value.name, value.description ?? ''] as const),
);

const translationOf = (language: Language, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      TRANSLATIONS[language],
    );

/** Sample params: roles are read through `roles.*`, everything else is just shown. */
const sampleParams = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, /role/i.test(name) ? 'ADMIN' : '7']));

const placeholders = (text: string, pattern: RegExp) =>
  [...text.matchAll(pattern)].map(([, name]) => name);

describe.each(LANGUAGES)('error translations in %s', (language) => {
  it.each(REASONS)('say why for the reason %s', (reason) => {
    const text = translationOf(language, `errors.reasons.${reason}`);
    expect(typeof text).toBe('string');
    // A translation may leave out a param, never name one the server does not send.
    const sent = placeholders(serverMessages.get(reason) ?? '', /\{(\w+)\}/g);
    const named = placeholders(String(text), /\{\{(\w+)\}\}/g);
    expect(sent).toEqual(expect.arrayContaining(named));

    const shown = i18n.t(`errors.reasons.${reason}`, { lng: language, ...sampleParams(sent) });
    expect(shown.trim()).not.toBe('');
    expect(shown).not.toMatch(/\{\{|\$t\(|errors\.reasons/);
  });

  it.each(CODES)('say something for the code %s', (code) => {
    expect(translationOf(language, `errors.codes.${code}`)).toEqual(expect.any(String));
  });

  it('translate no reason or code that no longer exists', () => {
    const errors = translationOf(language, 'errors') as Record<string, object>;
    expect(Object.keys(errors.reasons).sort()).toEqual([...REASONS].sort());
    expect(Object.keys(errors.codes).sort()).toEqual([...CODES].sort());
  });
});

it('knows every reason the server can give', () => {
  expect([...serverMessages.keys()].sort()).toEqual([...REASONS].sort());
});
