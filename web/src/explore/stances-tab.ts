import type { ExplorerActions } from './actions';
import { STANCES, type StanceRow } from './api';
import { byId, el } from './dom';
import { articleLink, quoted } from './format';
import { readerLink } from './reader-link';
import { fail, say } from './messages';
import { requestChannel } from './requests';
import type { ExplorerState } from './state';
import { writeUrlState } from './url-state';

/** What each column sorts by; the keys are the `data-sort` of the table's header buttons. */
const SORT_VALUE: Record<string, (r: StanceRow) => string> = {
  actor: (r) => r.actor.name,
  kind: (r) => r.kind,
  action: (r) => r.target.name,
  date: (r) => r.target.date ?? '\uffff',
  quote: (r) => r.evidence[0]?.quote ?? '',
  article: (r) => r.evidence[0]?.article.title ?? '',
};

function stanceRow(r: StanceRow, showInGraph: (id: string) => void): HTMLTableRowElement {
  const actor = el(
    'button',
    { type: 'button', class: 'linkish', 'aria-label': `Show ${r.actor.name} in the graph` },
    r.actor.name,
  );
  actor.addEventListener('click', () => showInGraph(r.actor.id));
  const ev = r.evidence[0];
  // Each cell names its column: on a phone the rows are cards and the header is a row of sort buttons.
  return el(
    'tr',
    {},
    el('td', { 'data-label': 'Actor' }, actor),
    el('td', { 'data-label': 'Stance' }, r.kind.toLowerCase()),
    el('td', { 'data-label': 'Action' }, r.target.name),
    el('td', { 'data-label': 'Date' }, r.target.date ?? ''),
    el(
      'td',
      { 'data-label': 'Quote' },
      ev ? quoted(ev.quote) : '',
      r.evidence.length > 1 ? ` (+${r.evidence.length - 1} more)` : '',
    ),
    el(
      'td',
      { 'data-label': 'Article' },
      ev ? (articleLink(ev.article) ?? ev.article.title) : '',
      ev?.article.published ? ` (${ev.article.published})` : '',
      ev ? ' ' : '',
      ev ? readerLink(ev.article, ev.quote) : '',
    ),
  );
}

/** The stances tab: who supported or opposed which actions, filtered by who took them, sortable by column. */
export function createStancesTab(state: ExplorerState, actions: Pick<ExplorerActions, 'showInGraph'>) {
  const { url, stances } = state;
  const table = byId('stances-table');
  // Opening the tab asks for the unfiltered list; a filter submitted meanwhile replaces that request.
  const requests = requestChannel();
  // The filter the rows (or the request on its way) answer: showing the tab loads only when it changed.
  let loadedFor: string | null = null;
  const filter = () => JSON.stringify([url.kind, url.actionBy]);

  function render(): void {
    const key = SORT_VALUE[stances.sortKey]!;
    const rows = [...stances.rows].sort((a, b) => key(a).localeCompare(key(b)) * (stances.sortAsc ? 1 : -1));
    table.querySelector('tbody')!.replaceChildren(...rows.map((r) => stanceRow(r, actions.showInGraph)));
    table.querySelectorAll('th').forEach((th) => {
      const k = th.querySelector('button')?.dataset.sort;
      th.setAttribute('aria-sort', k === stances.sortKey ? (stances.sortAsc ? 'ascending' : 'descending') : 'none');
    });
  }

  async function load(): Promise<void> {
    loadedFor = filter();
    say('Loading stances…');
    try {
      const answer = await requests.latest<{ stances: StanceRow[] }>(STANCES, {
        kind: url.kind,
        actionBy: url.actionBy || null,
      });
      stances.rows = answer.stances;
      render();
      say(
        stances.rows.length
          ? `${stances.rows.length} stances.`
          : `No ${url.kind.toLowerCase()} stances${url.actionBy ? ` on actions by “${url.actionBy}”` : ''}.`,
      );
    } catch (err) {
      fail(err);
    }
  }

  const kind = byId<HTMLSelectElement>('stance-kind');
  const actionBy = byId<HTMLInputElement>('stance-action-by');
  kind.value = url.kind;
  actionBy.value = url.actionBy;
  byId('stances-form').addEventListener('submit', (event) => {
    event.preventDefault();
    url.kind = kind.value;
    url.actionBy = actionBy.value.trim();
    writeUrlState(url);
    void load();
  });
  table.querySelectorAll<HTMLButtonElement>('th button').forEach((b) =>
    b.addEventListener('click', () => {
      const k = b.dataset.sort!;
      stances.sortAsc = k === stances.sortKey ? !stances.sortAsc : true;
      stances.sortKey = k;
      render();
    }),
  );

  return {
    /** Shows the URL's filter in the form, and loads the table when it does not answer that filter yet. */
    show: () => {
      kind.value = url.kind;
      actionBy.value = url.actionBy;
      if (loadedFor !== filter()) void load();
    },
  };
}
