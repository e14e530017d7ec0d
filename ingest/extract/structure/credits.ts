/**
 * Text that is about the page, not the story: photo credits ("Jeff Chiu/AP", "Photo: Getty Images"),
 * the caption a credit closes, and bylines. Names there are the photographer's or the reporter's.
 */

/** A credit: one to four capitalized words, a slash, and the agency ("Jeff Chiu/AP", "Scott Olson/Getty Images"). */
const SLASH_CREDIT =
  /(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*\/\s*(?:\p{Lu}[\p{L}&.'’-]*)(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3}/gu;
/** A line that states a credit: "Photo: ...", "(Photo by ...)", "Image credit ...", "Courtesy of ...". */
const CREDIT_LINE =
  /^\s*[([]?\s*(?:photo(?:graph)?s?|image|picture|credit|illustration|video|file photo|courtesy)\b(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*[:|]?/i;
/** A credit inside a line: "(Photo: Gage Skidmore)", "[Image credit: ...]". */
const INLINE_CREDIT = /[([]\s*(?:photo(?:graph)?|image|picture|credit)s?\b[^)\]]{0,80}[)\]]/gi;
/** Picture agencies that are only ever named as a source of an image. */
const PICTURE_AGENCY =
  /\b(?:Getty Images|Shutterstock|AP Photo|AFP\/Getty|Reuters\/|iStock(?:photo)?|Bloomberg via Getty)\b/;
/** "By Jane Doe" or "By Jane Doe and John Roe, Staff Writers" on a line of its own. */
const BYLINE = /^\s*by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,6}\s*(?:,.*)?$/iu;
/** Captions are short and quote no one. */
const MAX_CAPTION_LINE = 250;

/** Character ranges of credits, the captions they close, and bylines. */
export function creditRanges(text: string, author?: string): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    const end = start + line.length;
    lineStart = end + 1;
    if (line.trim().length === 0) continue;
    const short = line.length <= MAX_CAPTION_LINE && !/[“”"]/.test(line);
    if (short && (CREDIT_LINE.test(line) || PICTURE_AGENCY.test(line) || (line.length < 100 && BYLINE.test(line)))) {
      ranges.push([start, end]);
      continue;
    }
    if (author && line.length < 120 && line.includes(author)) {
      ranges.push([start, end]);
      continue;
    }
    // The caption before an inline credit describes the picture.
    for (const m of line.matchAll(INLINE_CREDIT)) ranges.push([start, start + (m.index ?? 0) + m[0].length]);
    for (const m of line.matchAll(SLASH_CREDIT)) {
      // "and/or", dates and fractions have no capitals on both sides; a credit closes its line.
      const at = m.index ?? 0;
      const tail = line.slice(at + m[0].length).trim();
      if (tail.length > 2 && !/^[)\].]/.test(tail)) continue;
      // The caption before a credit on the same short line describes the picture.
      ranges.push(short ? [start, end] : [start + at, start + at + m[0].length]);
    }
  }
  return ranges;
}

/** Whether [start, end) overlaps one of the ranges. */
export function inRanges(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([a, b]) => start < b && a < end);
}
