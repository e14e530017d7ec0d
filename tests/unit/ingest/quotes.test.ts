import { foldForMatch, quoteMatcher } from '../../../ingest/quotes';
import { mulberry32 } from '../../../src/core/random';

/** The folding as specified, without the shortcut for text that needs none. */
const reference = (text: string): string =>
  text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();

describe('foldForMatch', () => {
  it('folds typographic quotes, dashes, non-breaking and repeated white space, and trims', () => {
    expect(foldForMatch('  \u201CSanctuary\u201D cities\u2014and  the\u00A0DOJ\u2019s\nletter ')).toBe(
      '"Sanctuary" cities-and the DOJ\'s letter',
    );
    expect(foldForMatch('already plain text')).toBe('already plain text');
  });

  it('gives the reference folding for random text, plain or not', () => {
    const random = mulberry32(5);
    const chars = [...'ab c.', ' ', '\u00A0', '\n', '\t', '\u2019', '\u201C', '\u2014', '\u2003', '\uFEFF'];
    for (let n = 0; n < 2000; n += 1) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => {
        // Mostly plain letters, so that the plain shortcut is exercised as often as the folding.
        const i = random() < 0.8 ? Math.floor(random() * 5) : Math.floor(random() * chars.length);
        return chars[i]!;
      }).join('');
      expect(foldForMatch(text)).toBe(reference(text));
    }
  });
});

describe('quoteMatcher', () => {
  it('finds a quote in the text up to the folding, and nothing that is not there', () => {
    const isIn = quoteMatcher('The mayor said:\n\u201CWe will  not comply.\u201D Then she left.');
    expect(isIn('"We will not comply."')).toBe(true);
    expect(isIn('We will comply')).toBe(false);
  });
});
