import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { ArticleMeta, ParsedArticle } from './document';
import { compactMeta } from './document';
import { normalizeDateValue } from './date-line';
import { inferPlainTextMeta } from './plain-text';
import { IngestInputError } from '../errors';

// Node types as DomUtils sees them, so that only htmlparser2 itself is a dependency.
type AnyNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** Elements that are never part of the readable text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'textarea',
  'head',
]);
/** ARIA landmarks of page chrome rather than of the article. */
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
/** Elements that start a new line: paragraphs and everything laid out as a block. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'tr',
  'address',
  'hr',
  'details',
  'summary',
  'body',
  'center',
]);

/** Parses an HTML article: metadata from the head, the readable body text with one block per paragraph. */
export function parseHtmlArticle(file: string, raw: string): ParsedArticle {
  const document = parseDocument(raw, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const nodes = document.children;
  const root =
    largestByText(DomUtils.getElementsByTagName('article', nodes)) ??
    DomUtils.getElementsByTagName('main', nodes)[0] ??
    DomUtils.getElementsByTagName('body', nodes)[0];
  const text = readableText(root ? [root] : nodes);
  if (text.length === 0) throw new IngestInputError(file, 'no article text (the HTML has no readable body text)');
  const inferred = inferPlainTextMeta(text);
  const head = headMeta(nodes);
  return {
    text,
    meta: compactMeta({
      title: head.title ?? inferred.title,
      published: head.published ?? inferred.published,
      author: head.author ?? inferred.author,
      url: head.url,
      source: head.source ?? inferred.source,
    }),
  };
}

function headMeta(nodes: AnyNode[]): ArticleMeta {
  const metas = DomUtils.getElementsByTagName('meta', nodes);
  const metaContent = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const found = metas.find((m) =>
        [m.attribs.property, m.attribs.name, m.attribs.itemprop].some((k) => k?.toLowerCase() === key),
      );
      const value = found?.attribs.content?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const textOf = (tag: string): string | undefined => {
    const el = DomUtils.getElementsByTagName(tag, nodes)[0];
    const value = el ? collapse(DomUtils.textContent(el)) : '';
    return value || undefined;
  };
  const timeElement = DomUtils.getElementsByTagName('time', nodes).find((t) => t.attribs.datetime);
  const published = [
    metaContent('article:published_time', 'datepublished', 'date', 'pubdate', 'publish-date', 'dc.date'),
    timeElement?.attribs.datetime,
  ]
    .map((v) => (v ? normalizeDateValue(v) : null))
    .find((v): v is string => v !== null);
  const canonical = DomUtils.getElementsByTagName('link', nodes).find((l) =>
    (l.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  )?.attribs.href;
  const url = [canonical, metaContent('og:url')].find(
    (u) => u !== undefined && /^https?:\/\//.test(u) && URL.canParse(u),
  );
  const author = metaContent('author', 'article:author', 'byl');
  return {
    title: metaContent('og:title', 'twitter:title') ?? textOf('h1') ?? textOf('title'),
    published,
    author: author && !/^https?:\/\//.test(author) ? author.replace(/^by\s+/i, '') : undefined,
    url,
    source: metaContent('og:site_name', 'application-name'),
  };
}

function largestByText(elements: Element[]): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of elements) {
    const length = DomUtils.textContent(el).trim().length;
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best;
}

/** Flattens nodes to text: whitespace collapsed as a browser does, block elements as separate paragraphs. */
function readableText(nodes: AnyNode[]): string {
  const parts: string[] = [];
  const walk = (node: AnyNode, preformatted: boolean): void => {
    if (node.type === ElementType.Text) {
      const data = (node as AnyNode & { data: string }).data;
      parts.push(preformatted ? data : data.replace(/\s+/g, ' '));
      return;
    }
    if (!DomUtils.isTag(node)) {
      if (DomUtils.hasChildren(node)) node.children.forEach((c) => walk(c, preformatted));
      return;
    }
    const el = node;
    if (SKIPPED.has(el.name) || isHidden(el)) return;
    if (el.name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(el.name);
    if (block) parts.push('\n\n');
    el.children.forEach((c) => walk(c, preformatted || el.name === 'pre'));
    if (block) parts.push('\n\n');
  };
  nodes.forEach((n) => walk(n, false));
  return parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isHidden(el: Element): boolean {
  const role = el.attribs.role?.toLowerCase();
  return (
    el.attribs.hidden !== undefined ||
    el.attribs['aria-hidden'] === 'true' ||
    (role !== undefined && SKIPPED_ROLES.has(role))
  );
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
