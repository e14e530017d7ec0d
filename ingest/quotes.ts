/**
 * Folds what varies between an article and a quote copied from it: typographic quotes and apostrophes,
 * dashes, non-breaking spaces and runs of white space.
 */
export function foldForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** True when quote appears verbatim in text, up to the folding above. */
export function quoteIsIn(text: string, quote: string): boolean {
  return foldForMatch(text).includes(foldForMatch(quote));
}
