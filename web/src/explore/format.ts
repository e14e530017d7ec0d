import type { EntityRef, Evidence } from './api';
import { el } from './dom';

/** How an entity is named on the page: events with their date. */
export function nodeLabel(n: EntityRef): string {
  return n.kind === 'EVENT' && n.date ? `${n.name} (${n.date})` : n.name;
}

/** A quote between quotation marks, unless the sentence already starts with one. */
export function quoted(text: string): string {
  return /^["“'‘]/.test(text) ? text : `“${text}”`;
}

/**
 * An article's title as a link to the original, in a new tab; null when the article has no URL. Every place that
 * names an article goes through here, so an in-page article reader has one place to hook in.
 */
export function articleLink(article: Evidence['article']): HTMLAnchorElement | null {
  return article.url
    ? el('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, article.title)
    : null;
}
