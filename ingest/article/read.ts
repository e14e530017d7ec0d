import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { IngestInputError } from '../errors';
import type { ArticleDocument, ArticleFormat, ParsedArticle } from './document';
import { parseHtmlArticle } from './html';
import { parseMarkdownArticle } from './markdown';
import { parsePlainTextArticle } from './plain-text';

export type { ArticleDocument, ArticleFormat, ArticleMeta } from './document';

export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** Far above any news article (long features run to about 10,000 words); beyond it the input is not one article. */
export const DEFAULT_MAX_ARTICLE_WORDS = 50_000;

export interface ReadArticleOptions {
  maxBytes?: number;
  maxWords?: number;
}

/** Reads one article file (.txt, .md or .html), rejecting empty, binary, oversized, enormous and non-UTF-8 input. */
export async function readArticleFile(path: string, options: ReadArticleOptions = {}): Promise<ArticleDocument> {
  const file = basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const info = await stat(path).catch(() => {
    throw new IngestInputError(file, 'file not found or not readable');
  });
  if (info.size > maxBytes) {
    throw new IngestInputError(file, `file is ${info.size} bytes, over the ${maxBytes}-byte limit for one article`);
  }
  return articleFromBytes(file, path, await readFile(path), options);
}

/**
 * Reads one article from its bytes, as readArticleFile does from a file: `file` is its name (the extension
 * gives the format) and `path` where it came from. The API's ingestArticle sends its text through here.
 */
export function articleFromBytes(
  file: string,
  path: string,
  bytes: Uint8Array,
  options: ReadArticleOptions = {},
): ArticleDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const maxWords = options.maxWords ?? DEFAULT_MAX_ARTICLE_WORDS;
  if (bytes.byteLength > maxBytes) {
    throw new IngestInputError(
      file,
      `file is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit for one article`,
    );
  }
  if (bytes.includes(0)) throw new IngestInputError(file, 'file looks binary (it contains NUL bytes)');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestInputError(file, 'file is not valid UTF-8 text');
  }
  raw = raw.replace(/^\uFEFF/, '');
  if (raw.trim().length === 0) throw new IngestInputError(file, 'file is empty');
  const format = detectFormat(file, raw);
  const { text, meta } = parseArticle(format, file, raw);
  if (text.trim().length === 0) throw new IngestInputError(file, 'no article text');
  const words = countWords(text);
  if (words > maxWords) {
    throw new IngestInputError(
      file,
      `article text has ${words} words, over the ${maxWords}-word limit for one article`,
    );
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return { file, path, format, text, meta, contentHash };
}

/** The format by extension; a file of any other extension that starts like an HTML page is read as HTML. */
function detectFormat(file: string, raw: string): ArticleFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext !== '.txt' && /^\s*(<!doctype html|<html[\s>])/i.test(raw)) return 'html';
  return 'text';
}

function parseArticle(format: ArticleFormat, file: string, raw: string): ParsedArticle {
  switch (format) {
    case 'html':
      return parseHtmlArticle(file, raw);
    case 'markdown':
      return parseMarkdownArticle(file, raw);
    case 'text':
      return parsePlainTextArticle(raw);
  }
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
