import { validate } from 'class-validator';
import { codePointLength, cleanText, TEXT_PROBLEMS, truncateCodePoints } from '../lib/text';
import { cleanArguments } from './input-layer';
import { MaxChars } from './max-chars';

describe('cleanText', () => {
  it('passes printable ASCII through untouched', () => {
    expect(cleanText('Ada Lovelace <ada@example.com> 100%')).toEqual({
      ok: true,
      text: 'Ada Lovelace <ada@example.com> 100%',
    });
  });

  it('composes to NFC', () => {
    expect(cleanText('Rene\u0301')).toEqual({ ok: true, text: 'Ren\u00e9' });
    expect(cleanText('\u1100\u1161')).toEqual({ ok: true, text: '\uAC00' });
  });

  it('keeps text that is already NFC, emoji sequences and the implicit bidi marks', () => {
    for (const text of ['Zoë', '山田太郎', '👩🏽‍💻', '❤️', 'محمد\u200F (Mo)', 'a\u200Db', '\uFEFFx']) {
      expect(cleanText(text)).toEqual({ ok: true, text });
    }
  });

  it('refuses lone surrogates, high or low, anywhere', () => {
    for (const text of ['a\uD800@example.com', '\uDFFF', 'x\uD83D', '\uDE00y']) {
      expect(cleanText(text)).toEqual({ ok: false, problem: TEXT_PROBLEMS.loneSurrogate });
    }
  });

  it('refuses C0 and C1 controls, DEL, and line and paragraph separators', () => {
    for (const text of [
      'A\u0000B',
      'tab\there',
      'two\nlines',
      'cr\r',
      '\u001b[31m',
      'del\u007f',
      'c1\u0085',
      '\u2028',
      'é\u2029',
    ]) {
      expect(cleanText(text)).toEqual({ ok: false, problem: TEXT_PROBLEMS.control });
    }
  });

  it('refuses explicit bidi embeddings, overrides and isolates', () => {
    for (const text of ['evil\u202Etxt.exe', '\u202A', '\u2066x\u2069']) {
      expect(cleanText(text)).toEqual({ ok: false, problem: TEXT_PROBLEMS.bidi });
    }
  });
});

describe('codePointLength', () => {
  it('counts code points, as a utf8mb4 VARCHAR does', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('e\uFE0F'.repeat(100))).toBe(200);
    expect(codePointLength('👩🏽‍💻')).toBe(4);
    expect(codePointLength('a\uD800')).toBe(2);
  });

  it('truncates without splitting a pair', () => {
    expect(truncateCodePoints(`a${'😀'.repeat(99)}`, 50)).toBe(`a${'😀'.repeat(49)}`);
    expect(truncateCodePoints('short', 50)).toBe('short');
  });
});

describe('cleanArguments', () => {
  it('normalises in place, at any depth, in lists too', () => {
    const args: Record<string, unknown> = {
      id: 'abc',
      input: { fullName: 'Rene\u0301', nested: { tags: ['cafe\u0301', 1] }, flag: true },
    };
    expect(cleanArguments(args)).toEqual({});
    expect(args).toEqual({
      id: 'abc',
      input: { fullName: 'Ren\u00e9', nested: { tags: ['caf\u00e9', 1] }, flag: true },
    });
  });

  it("names an input object's fields without the argument, and scalar arguments by name", () => {
    const args = {
      email: 'a\uD800@example.com',
      input: { fullName: 'A\u0000B', nested: { tags: ['ok', 'x\u202E'] } },
      list: ['fine', '\n'],
    };
    expect(cleanArguments(args)).toEqual({
      email: TEXT_PROBLEMS.loneSurrogate,
      fullName: TEXT_PROBLEMS.control,
      'nested.tags.1': TEXT_PROBLEMS.bidi,
      'list.1': TEXT_PROBLEMS.control,
    });
  });

  it('leaves values that are not plain data alone', () => {
    const date = new Date(0);
    class Upload {
      name = 'e\u0301';
    }
    const upload = new Upload();
    const args = { when: date, file: upload, none: null };
    expect(cleanArguments(args)).toEqual({});
    expect(args.when).toBe(date);
    expect(upload.name).toBe('e\u0301');
  });
});

describe('MaxChars', () => {
  class Named {
    @MaxChars(100)
    fullName: string;
  }
  const named = (fullName: string) => Object.assign(new Named(), { fullName });

  it('allows 100 code points, whatever their UTF-16 length', async () => {
    expect(await validate(named('😀'.repeat(100)))).toEqual([]);
    expect(await validate(named('x'.repeat(100)))).toEqual([]);
  });

  it('refuses 100 letters with a variation selector each: 200 code points', async () => {
    const [error] = await validate(named('e\uFE0F'.repeat(100)));
    expect(error.constraints).toEqual({ maxChars: 'Use at most 100 characters' });
  });
});
