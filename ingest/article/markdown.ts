import { parse as parseYaml } from 'yaml';
import type { ArticleMeta, ParsedArticle } from './document';
import { compactMeta, META_KEYS } from './document';
import { normalizeDateValue } from './date-line';
import { inferPlainTextMeta } from './plain-text';
import { IngestInputError } from '../errors';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Parses a Markdown article: YAML front matter for metadata, the body with Markdown syntax stripped as text. */
export function parseMarkdownArticle(file: string, raw: string): ParsedArticle {
  const front = FRONT_MATTER.exec(raw);
  const meta = front ? metaFromFrontMatter(file, front[1] ?? '') : {};
  const body = front ? raw.slice(front[0].length) : raw;
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  const text = stripMarkdown(body);
  const inferred = inferPlainTextMeta(text);
  return {
    text,
    meta: compactMeta({
      title: meta.title ?? (heading ? stripInline(heading) : inferred.title),
      published: meta.published ?? inferred.published,
      author: meta.author ?? inferred.author,
      url: meta.url,
      source: meta.source ?? inferred.source,
    }),
  };
}

function metaFromFrontMatter(file: string, yamlText: string): ArticleMeta {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new IngestInputError(file, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const fields = data as Record<string, unknown>;
  const pick = (key: keyof ArticleMeta): string | undefined => {
    for (const name of META_KEYS[key]) {
      const value = asText(fields[name]);
      if (value) return value;
    }
    return undefined;
  };
  const published = pick('published');
  const url = pick('url');
  return {
    title: pick('title'),
    published: published ? (normalizeDateValue(published) ?? undefined) : undefined,
    author: pick('author'),
    url: url && URL.canParse(url) ? url : undefined,
    source: pick('source'),
  };
}

/** YAML gives strings, dates (unquoted ISO dates), numbers or lists of authors. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(asText).filter((v): v is string => v !== undefined);
    return items.length > 0 ? items.join(' and ') : undefined;
  }
  return undefined;
}

/**
 * Removes the Markdown syntax that is unambiguous (headings, emphasis pairs, links, images,
 * list and quote markers, fences, rules), leaving the words as a reader sees them, with each
 * paragraph on one line. Anything that might be literal text, like a lone asterisk or an
 * underscore inside a word, stays.
 */
export function stripMarkdown(body: string): string {
  const out: string[] = [];
  // Whether the last output line is running paragraph text, which a soft-wrapped next line continues.
  let inParagraph = false;
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      inParagraph = false;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) continue; // thematic break
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && inParagraph) continue; // setext underline
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(line)) continue; // link reference definition
    const isBlockStart = /^\s{0,3}(#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s)/.test(line);
    const text = stripInline(
      line
        .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, '$1')
        .replace(/^\s{0,3}(>\s?)+/, '')
        .replace(/^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/, ''),
    ).trim();
    if (text.length === 0) {
      if (line.trim().length === 0) {
        out.push('');
        inParagraph = false;
      }
      continue;
    }
    if (inParagraph && !isBlockStart) out[out.length - 1] += ` ${text}`;
    else out.push(text);
    inParagraph = !/^\s{0,3}#{1,6}\s/.test(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}
