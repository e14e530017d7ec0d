import { el } from './dom';

/**
 * A link that opens an article in the page's reader, at the quote it was cited for. It is a real link (to
 * `?view=reader&article=…&quote=…`), so it can be opened in a new tab too; a plain click stays in the page
 * (interceptReaderLinks), which keeps the graph and the other views as they were.
 */
export function readerLink(
  article: { id: string; title: string },
  quote: string | null | undefined,
): HTMLAnchorElement {
  const q = new URLSearchParams({ view: 'reader', article: article.id });
  if (quote) q.set('quote', quote);
  const link = el(
    'a',
    { href: `?${q}`, class: 'read', 'data-article': article.id, 'aria-label': `Read “${article.title}” here` },
    'Read',
  );
  if (quote) link.dataset.quote = quote;
  return link;
}

/** Sends plain clicks on any reader link of the page to `open`; clicks with a modifier open a new tab as usual. */
export function interceptReaderLinks(open: (article: string, quote: string) => void): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-article]') as HTMLAnchorElement | null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(link.dataset.article!, link.dataset.quote ?? '');
  });
}
