import fc from 'fast-check';

/** Any code point at all, surrogate halves included (String.fromCodePoint(0xd800) is lone). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

/** What has broken, or could break, something between the client and the column. */
const TRICKY = [
  '\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029',
  '\u202e', '\u2066', '\u200e', '\u200d', '\ufeff', '\ufffd', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff',
  '\ufe0f', '\u0301', '\u0307', 'e\u0301', '\u0130', '\u1100\u1161', '\u0958',
  '\u{1f600}', '\u{1f469}\u{1f3fd}\u200d\u{1f4bb}', '\u{10ffff}', '\u{e0001}',
  "'", '"', '\\', '%', '_', '`', '<', '&', ';', '@', '.', ' ', '\u00a0', '\u3000',
]; // prettier-ignore
const tricky = fc.constantFrom(...TRICKY);

const unit = fc.oneof(
  { arbitrary: anyCodePoint, weight: 3 },
  { arbitrary: tricky, weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 2 },
);

/**
 * Strings a hostile client might send, for a field whose valid value is `valid`: arbitrary
 * Unicode, long strings around every column limit (100, 254, 1024, 2048), floods of combining
 * marks and variation selectors (short to JS and validator.js, long to a VARCHAR), and the
 * valid value with something inserted, so a good share gets past format checks to the database.
 */
export function hostileString(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit, maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit, minLength: 90, maxLength: 2100 }), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('e', 'x', '\u0130', '\u{1f600}', 'e\u0301'),
          fc.constantFrom('\ufe0f', '\u0301', '\u200d', ''),
          fc.constantFrom(50, 99, 100, 101, 127, 128, 253, 254, 255, 1024, 1025, 2048, 2049),
        )
        .map(([base, mark, count]) => (base + mark).repeat(count)),
      weight: 1,
    },
    // The most weight: these are the ones that get past format checks to the rows.
    {
      arbitrary: fc
        .tuple(fc.string({ unit, minLength: 1, maxLength: 6 }), fc.nat({ max: valid.length }))
        .map(([insert, at]) => valid.slice(0, at) + insert + valid.slice(at)),
      weight: 3,
    },
  );
}
