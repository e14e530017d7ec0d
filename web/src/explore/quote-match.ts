/**
 * Where a quote sits in an article's text, for the reader's highlight. Quotes are verbatim sentences of the
 * text the ingest checked them against, but a curated quote may differ in spacing or in the kind of quotation
 * marks, so both sides are compared in a normal form that maps back to the text's own offsets.
 */

/** A span of the text, [start, end) in UTF-16 offsets of the original. */
export interface Span {
  start: number;
  end: number;
}

const FOLD: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '‚': "'" };

/** The text in normal form (folded marks, one space for each run of white space) and each char's original offset. */
function normalise(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (folded.endsWith(' ')) continue;
      folded += ' ';
    } else folded += FOLD[c] ?? c;
    offsets.push(i);
  }
  return { folded, offsets };
}

/** The first span of `text` that says `quote` (ignoring case, spacing and the kind of quotation marks), or null. */
export function findQuote(text: string, quote: string): Span | null {
  const q = normalise(quote.trim()).folded.toLowerCase();
  if (!q) return null;
  const { folded, offsets } = normalise(text);
  const at = folded.toLowerCase().indexOf(q);
  if (at < 0) return null;
  return { start: offsets[at]!, end: offsets[at + q.length - 1]! + 1 };
}
