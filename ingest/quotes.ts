/** Anything foldForMatch would change: a character it replaces, white space other than one space, or a space at an end. */
const NEEDS_FOLDING = /[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u2013\u2014]|[^\S ]| {2}|^ | $/;

/**
 * Folds what varies between an article and a quote copied from it: typographic quotes and apostrophes,
 * dashes, non-breaking spaces and runs of white space.
 */
export function foldForMatch(text: string): string {
  // Most quotes hold nothing to fold: one test instead of four replacements and their copies.
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/**
 * A test of whether a quote appears verbatim in text, up to the folding above. The text is folded once for
 * all its quotes: an article of 500 facts has 500 quotes, and folding the whole text for each was most of
 * the time a folder's check took.
 */
export function quoteMatcher(text: string): (quote: string) => boolean {
  const folded = foldForMatch(text);
  return (quote) => folded.includes(foldForMatch(quote));
}
