import { findQuote } from '../../../web/src/explore/quote-match';

/** The reader highlights a quote in its article's text: where findQuote says it is. */
describe('findQuote', () => {
  const text = 'Mayor Garcetti said:\n“Threaten me all  you want.”\nThen he left.';
  const said = (q: string) => {
    const span = findQuote(text, q);
    return span && text.slice(span.start, span.end);
  };

  it('finds a verbatim sentence at its offsets in the text', () => {
    expect(said('Then he left.')).toBe('Then he left.');
  });

  it('matches across line breaks, doubled spaces and straight for curly quotation marks', () => {
    expect(said('said: "Threaten me all you want."')).toBe('said:\n“Threaten me all  you want.”');
  });

  it('ignores case and the white space around the quote', () => {
    expect(said('  mayor garcetti ')).toBe('Mayor Garcetti');
  });

  it('is null for a quote the text does not contain, and for an empty quote', () => {
    expect(findQuote(text, 'Threaten me a little')).toBeNull();
    expect(findQuote(text, '   ')).toBeNull();
  });
});
