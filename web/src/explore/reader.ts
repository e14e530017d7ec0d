import { ARTICLE, type ArticleFact, type ArticleReply, type EntityRef } from './api';
import { byId, el } from './dom';
import { articleLink, nodeLabel, quoted } from './format';
import { errorText } from './messages';
import { findQuote } from './quote-match';
import { isStale, requestChannel } from './requests';
import type { ExplorerState } from './state';
import { writeUrlState } from './url-state';

type Article = NonNullable<ArticleReply['article']>;

/** The article's text with `quote` marked, or the text alone (and a note) when the quote is not in it. */
function articleText(text: string, quote: string): Node[] {
  const span = quote ? findQuote(text, quote) : null;
  const body = el('div', { class: 'article-text' });
  if (!span) body.append(text);
  else
    body.append(
      text.slice(0, span.start),
      el('mark', { id: 'reader-quote' }, text.slice(span.start, span.end)),
      text.slice(span.end),
    );
  const note =
    quote && !span
      ? el('p', { class: 'note' }, 'The quote ', quoted(quote), ' is not in the text word for word.')
      : null;
  return note ? [note, body] : [body];
}

/** One fact of the article: its ends and type, and the article's own quotes for it, each one to highlight. */
function factItem(
  fact: ArticleFact,
  article: Article,
  names: Map<string, EntityRef>,
  quote: string,
  highlight: (quote: string) => void,
): HTMLLIElement {
  const name = (id: string) => {
    const n = names.get(id);
    return n ? nodeLabel(n) : id;
  };
  const quotes = fact.evidence.filter((e) => e.article.id === article.id).map((e) => e.quote);
  const item = el('li', {}, el('span', { class: 'fact' }, `${name(fact.from)} ${fact.type} ${name(fact.to)}`));
  for (const q of quotes) {
    const b = el('button', { type: 'button', class: 'linkish quote' }, quoted(q));
    b.setAttribute('aria-pressed', String(q === quote));
    b.addEventListener('click', () => highlight(q));
    item.append(b);
  }
  return item;
}

/** The reader tab: one article's text with the cited quote highlighted, and every fact the article states. */
export function createReader(state: ExplorerState) {
  const { url } = state;
  const root = byId('reader');
  const requests = requestChannel();
  let loaded: Article | null = null;

  function render(article: Article): void {
    const names = new Map(article.mentions.map((m) => [m.entity.id, m.entity]));
    const about = [article.source, article.published, article.author].filter(Boolean).join(', ');
    const original = articleLink(article);
    const facts = el('ul', { class: 'article-facts' });
    for (const f of article.facts) facts.append(factItem(f, article, names, url.quote, highlight));
    root.replaceChildren(
      el('h2', {}, article.title),
      el(
        'p',
        { class: 'source' },
        about,
        original ? ' · ' : '',
        original ? original : '',
        original ? ' (original)' : '',
      ),
      ...(article.text
        ? articleText(article.text, url.quote)
        : [el('p', { class: 'note' }, 'The graph holds no text for this article (ingested before texts were kept).')]),
      el('h3', {}, `Facts in this article (${article.facts.length})`),
      article.facts.length ? facts : el('p', {}, 'None.'),
    );
    root.querySelector('#reader-quote')?.scrollIntoView({ block: 'center' });
  }

  /** Marks another of the article's quotes: a view of its own, so Back returns to the one before. */
  function highlight(quote: string): void {
    url.quote = quote;
    writeUrlState(url);
    if (loaded) render(loaded);
  }

  /** Shows the article and quote the URL names, loading the article only when it is another one. */
  async function show(): Promise<void> {
    if (!url.article) {
      root.replaceChildren(el('p', { class: 'hint' }, 'Open an article from a piece of evidence to read it here.'));
      return;
    }
    if (loaded?.id === url.article) {
      render(loaded);
      return;
    }
    root.replaceChildren(el('p', {}, 'Loading the article…'));
    try {
      const { article } = await requests.latest<ArticleReply>(ARTICLE, { id: url.article });
      if (!article) {
        root.replaceChildren(el('p', { class: 'error' }, `No article with id "${url.article}".`));
        return;
      }
      loaded = article;
      render(article);
    } catch (err) {
      if (!isStale(err)) root.replaceChildren(el('p', { class: 'error' }, errorText(err)));
    }
  }

  return { show };
}
