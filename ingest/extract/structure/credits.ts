/**
 * Text that is about the picture, not the story: photo credits ("Jeff Chiu/AP", "Photo: Getty Images", a
 * photographer's name on the line after a caption) and the short caption a credit closes. Bylines stay: the
 * reporter is an entity of the article.
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
/** A line that is only a name: two to four capitalized words. */
const NAME_LINE = /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*$/u;
/** Captions are short and quote no one. */
const MAX_CAPTION_LINE = 250;

/** Character ranges of photo credits and the captions they close. */
export function creditRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  let previousLine = '';
  for (const line of text.split('\n')) {
    const start = lineStart;
    const previous = previousLine;
    const end = start + line.length;
    lineStart = end + 1;
    if (line.trim().length === 0) continue;
    previousLine = line;
    const short = line.length <= MAX_CAPTION_LINE && !/[“”"]/.test(line);
    if (short && (CREDIT_LINE.test(line) || PICTURE_AGENCY.test(line))) {
      ranges.push([start, end]);
      continue;
    }
    // A name alone under a one-sentence line that ends a sentence is the photographer under the caption; a
    // name under the headline (a line without a full stop) is the byline.
    if (NAME_LINE.test(line) && /[.!?][”"’']?\s*$/.test(previous) && previous.length <= MAX_CAPTION_LINE) {
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
