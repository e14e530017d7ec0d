import type { ArticleMeta, ParsedArticle } from './document';
import { compactMeta } from './document';
import { parseDateLine } from './date-line';
import { readHeaderLines } from './header-lines';

/** How far into the file a title, byline or dateline is looked for. */
const HEAD_LINES = 30;
/** Widgets of blog templates that precede a reposted article. */
const BLOG_WIDGETS = /^(about me|my photo|translate|share|menu|search|subscribe|home)$/i;
const BYLINE = /^by\s+(.+)$/i;
/** "(Klarize Medenilla/AJPress)": a closing credit naming the author and the outlet. */
const CLOSING_CREDIT = /\(([A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+){1,3})\s*\/\s*[\p{L}\s.&-]{2,40}\)\s*$/u;

function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 3 && words <= 30 && !/[.:;,]$/.test(line) && parseDateLine(line) === null;
}

/** A short line of capitalized words, such as an author's name or a publication. */
function isNameLine(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length >= 1 && words.length <= 5 && words.every((w) => /^(\p{Lu}|and$|de$|of$|the$|&$)/u.test(w));
}

/**
 * Parses a plain-text article: header lines at its top ("title: …", "published: …") are metadata and
 * are left out of the text; without them the text is the file, exactly. What the headers do not say is
 * inferred from the head of the text.
 */
export function parsePlainTextArticle(raw: string): ParsedArticle {
  const header = readHeaderLines(raw);
  if (!header) return { text: raw, meta: inferPlainTextMeta(raw) };
  return { text: header.body, meta: { ...inferPlainTextMeta(header.body), ...header.meta } };
}

/**
 * Infers title, date, author and source from the head of a plain-text article. Two layouts
 * are recognized: a news piece (title, optional author line, date line) and a blog repost
 * (blog widgets and an author box, the post's date line, the title, then optionally the
 * original publication, a "By ..." byline and the original date line, which wins).
 */
export function inferPlainTextMeta(text: string): ArticleMeta {
  const head = text
    .split(/\r?\n/)
    .slice(0, HEAD_LINES)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const meta: ArticleMeta = {};
  const firstDate = head.findIndex((l) => parseDateLine(l) !== null);
  const preamble = firstDate > 0 ? head.slice(0, firstDate) : [];
  const isBlogRepost = preamble.some((l) => BLOG_WIDGETS.test(l) || l.length > 200);

  let titleIndex: number;
  if (isBlogRepost) {
    meta.published = parseDateLine(head[firstDate] ?? '') ?? undefined;
    titleIndex = head.findIndex((l, i) => i > firstDate && isHeadline(l));
  } else {
    titleIndex = head.findIndex((l) => !BLOG_WIDGETS.test(l));
  }
  const title = titleIndex >= 0 ? head[titleIndex] : undefined;
  if (title === undefined) return meta;
  meta.title = title;

  // The lines right under the title: publication, byline, author and date, in any order.
  for (const line of head.slice(titleIndex + 1, titleIndex + 5)) {
    const date = parseDateLine(line);
    const byline = BYLINE.exec(line);
    if (date) {
      meta.published = date;
      break;
    } else if (byline?.[1]) {
      meta.author = byline[1].trim();
    } else if (isNameLine(line)) {
      if (meta.author === undefined && !isBlogRepost) meta.author = line;
      else meta.source ??= line;
    } else {
      break;
    }
  }
  if (meta.author === undefined) {
    const credit = CLOSING_CREDIT.exec(text.trimEnd());
    if (credit?.[1]) meta.author = credit[1];
  }
  return compactMeta(meta);
}
