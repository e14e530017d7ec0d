/**
 * Photo credits, captions' credit lines and bylines: text that names the people and outlets who made the
 * page, not the actors of the story. Mentions inside these ranges are dropped, so that a photographer or a
 * wire service never becomes a person or an organization of the article.
 */
import type { ArticleContext } from './context';

/** Wire services and photo agencies as credit lines write them. */
const AGENCIES = String.raw`(?:AP|Associated Press|Reuters|AFP|Getty(?:\s+Images)?|EPA|UPI|Bloomberg|Shutterstock|TNS|Sipa|Zuma(?:\s+Press)?|NurPhoto|Pool)`;
// Names never run across a line break: a credit line ends where its line does.
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|la|del))*`;
const CREDIT_PATTERNS: readonly RegExp[] = [
  // "Jane Doe/AP", "Jane Doe / Getty Images", "Jane Doe/The Inquirer" (an outlet ends the line)
  new RegExp(String.raw`${NAME}[ \t]*/[ \t]*${AGENCIES}(?:\s+(?:Photo|Images))?\b`, 'gu'),
  new RegExp(String.raw`${NAME}[ \t]*/[ \t]*(?:The[ \t]+)?${NAME}[ \t]*$`, 'gmu'),
  // "Photo by Jane Doe", "Photograph: Jane Doe", "(Photo: Jane Doe, The Outlet)", "Credit: Jane Doe"
  new RegExp(
    String.raw`\(?\b(?:(?:AP\s+)?Photos?|Photograph|Image|Credit|Courtesy|File photo)\s*(?:by|:|credit:)[ \t]*${NAME}(?:[ \t]*[,/|][ \t]*${NAME})*\)?`,
    'giu',
  ),
  // "(AP Photo/Jane Doe)", "| Reuters", "Getty Images"
  new RegExp(String.raw`\(\s*${AGENCIES}(?:\s+Photo)?\s*/\s*${NAME}\s*\)`, 'gu'),
  new RegExp(String.raw`(?:^|\|\s*)(?:${AGENCIES})(?:\s+(?:Photo|Images))?\s*$`, 'gmu'),
  /\bGetty Images\b/g,
  // The wire of a dateline: "SALEM, Ore. (AP) —", "(KXAB/AP) –".
  new RegExp(String.raw`\((?:\p{Lu}{2,}[ \t]*/[ \t]*)?${AGENCIES}\)(?=[ \t]*[—–-])`, 'gu'),
  // The place of a dateline, capitals opening a line before its state and dash: "SALEM, Ore. (AP) —",
  // "BATON ROUGE, LA –", "AUSTIN (KXAN) —". It says where the report was filed, not who acted; the body names the place again
  // when it matters.
  // "RICHMOND—" and "SAN FRANCISCO --" run the dash on with no state.
  /^[ \t]*\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})*(?=(?:,|[ \t]+\()[^\n]{0,40}?(?:[—–]|--|[ \t]-[ \t])|[ \t]*(?:[—–]|--))/gmu,
  // "[AP / Jane Doe]" closing a caption; "Jane Doe, Associated Press file" alone on its line.
  new RegExp(String.raw`\[[ \t]*(?:${AGENCIES}[ \t]*/[ \t]*)?${NAME}(?:[ \t]*/[ \t]*${AGENCIES})?[ \t]*\]`, 'gu'),
  new RegExp(String.raw`^[ \t]*${NAME},[ \t]*(?:The[ \t]+)?${AGENCIES}(?:[ \t]+(?:file|photo|staff))?[ \t]*$`, 'gmu'),
  // "Attorney General Ada Roe. Jane Doe": a name after a caption's last period, with none of its own, ends the line.
  /(?<=\.[ \t])\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2}[ \t]*$/gmu,
];
/** A line that is nothing but a name of two to four words (no verb, no closing period): a credit or a byline. */
const NAME_LINE = /^\s*(?:By\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{L}'’-]+)){1,3}\s*$/u;
/** "By Jane Doe" at the start of a line, with an optional outlet after a comma or a pipe. */
const BYLINE = /^\s*By\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:\s*(?:,|\||and)\s*.*)?$/u;

/**
 * Ranges of the text that are credits or bylines. A name alone on its line counts as one unless it is the
 * article's own author (whom the metadata names), since gold annotations keep the author.
 */
export function creditRanges(ctx: Pick<ArticleContext, 'text' | 'doc'>): [number, number][] {
  const ranges: [number, number][] = [];
  const text = ctx.text;
  for (const re of CREDIT_PATTERNS) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
      const start = m.index ?? 0;
      ranges.push([start, start + m[0].length]);
    }
  }
  const author = ctx.doc.meta.author?.trim().toLowerCase();
  const title = ctx.doc.meta.title?.trim().toLowerCase();
  for (const line of text.matchAll(/[^\n]+/g)) {
    const start = line.index ?? 0;
    const body = line[0].trim().toLowerCase();
    if ((author && body.replace(/^by\s+/, '') === author) || body === title) continue;
    if (NAME_LINE.test(line[0]) || BYLINE.test(line[0])) ranges.push([start, start + line[0].length]);
  }
  return ranges;
}

/** Whether [start, end) overlaps one of the ranges. */
export function inRanges(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && s < end);
}
