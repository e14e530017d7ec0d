/**
 * The `key: value` lines that scraped news dumps put above the text ("title: …", "url: …", "published: …"):
 * metadata, as front matter is in Markdown, and not part of the article's text.
 */
import { type ArticleMeta, compactMeta, META_KEYS } from './document';
import { normalizeDateValue } from './date-line';

const HEADER_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(\S.*?)[ \t]*$/;

/** The field a header line sets, if its key is a known one and its value fits the field (a date, a web address). */
function headerField(line: string): { field: keyof ArticleMeta; value: string } | null {
  const match = HEADER_LINE.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const key = match[1].toLowerCase();
  const field = (Object.keys(META_KEYS) as (keyof ArticleMeta)[]).find((f) =>
    META_KEYS[f].some((k) => k.toLowerCase() === key),
  );
  if (!field) return null;
  if (field === 'published') {
    const date = normalizeDateValue(match[2]);
    return date ? { field, value: date } : null;
  }
  if (field === 'url' && !(/^https?:\/\//i.test(match[2]) && URL.canParse(match[2]))) return null;
  return { field, value: match[2] };
}

/**
 * Reads the header lines a file starts with: one or more known `key: value` lines, then a blank line or
 * the end. Returns their metadata and the text after them, or null when the file does not start so; a
 * body line that merely contains a colon ("Note: the council met…") is no header, and a run of header-like
 * lines that runs straight into text is not taken either.
 */
export function readHeaderLines(raw: string): { meta: ArticleMeta; body: string } | null {
  const meta: ArticleMeta = {};
  let offset = 0;
  let count = 0;
  while (offset < raw.length) {
    const newline = raw.indexOf('\n', offset);
    const lineEnd = newline < 0 ? raw.length : newline + 1;
    const header = headerField(raw.slice(offset, lineEnd).replace(/\r?\n$/, ''));
    if (!header) break;
    meta[header.field] ??= header.value;
    count++;
    offset = lineEnd;
  }
  const rest = raw.slice(offset);
  if (count === 0 || (rest.trim().length > 0 && !/^[ \t]*\r?\n/.test(rest))) return null;
  return { meta: compactMeta(meta), body: rest.replace(/^(?:[ \t]*\r?\n)+/, '') };
}
