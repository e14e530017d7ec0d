/**
 * Text that is about the picture, not the story: photo credits ("Jeff Chiu/AP", "Photo: Getty Images", a
 * photographer's name on the line after a caption). The caption itself stays: curators take its facts (it
 * often sums the story up), and measured on the seeds and the tune split, dropping it lost facts and gained
 * none. Bylines stay too: the reporter is an entity of the article.
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
  /(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:for\s+|via\s+)?\b(?:Getty Images|Shutterstock|AP Photo|AFP\/Getty|Reuters\/|iStock(?:photo)?|Bloomberg via Getty)\b/gu;
/** A line that is only a name: two to four capitalized words. */
const NAME_LINE = /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*$/u;
/** Credit lines are short and quote no one. */
const MAX_CAPTION_LINE = 250;

/** Character ranges of photo credits. */
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
    if (short && CREDIT_LINE.test(line)) {
      ranges.push([start, end]);
      continue;
    }
    // The photographer and the agency: "Scott Olson/Getty Images", "Jane Doe for Getty Images".
    for (const m of line.matchAll(PICTURE_AGENCY))
      ranges.push([start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length]);
    // A name alone under a one-sentence line that ends a sentence is the photographer under the caption; a
    // name under the headline (a line without a full stop) is the byline.
    if (NAME_LINE.test(line) && /[.!?][”"’']?\s*$/.test(previous) && previous.length <= MAX_CAPTION_LINE) {
      ranges.push([start, end]);
      continue;
    }
    for (const m of line.matchAll(INLINE_CREDIT))
      ranges.push([start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length]);
    for (const m of line.matchAll(SLASH_CREDIT)) {
      // "and/or", dates and fractions have no capitals on both sides; a credit closes its line.
      const at = m.index ?? 0;
      const tail = line.slice(at + m[0].length).trim();
      if (tail.length > 2 && !/^[)\].]/.test(tail)) continue;
      ranges.push([start + at, start + at + m[0].length]);
    }
  }
  return ranges;
}

/** Whether [start, end) overlaps one of the ranges. */
export function inRanges(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([a, b]) => start < b && a < end);
}
