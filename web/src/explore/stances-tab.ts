import type { ExplorerActions } from './actions';
import { STANCES, type StanceRow } from './api';
import { hasRange, inDateRange } from './date-range';
import { byId, download, el } from './dom';
import { articleLink, quoted } from './format';
import { readerLink } from './reader-link';
import { fail, say } from './messages';
import { requestChannel } from './requests';
import { stancesCsv } from './stances-csv';
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

/**
 * The stances tab: who supported or opposed which actions, filtered by who took them and by actor (both asked
 * of the API) and by the page's date range (over the rows loaded), sortable by column, exported as CSV.
 */
export function createStancesTab(state: ExplorerState, actions: Pick<ExplorerActions, 'showInGraph'>) {
  const { url, stances } = state;
  const table = byId('stances-table');
  // Opening the tab asks for the unfiltered list; a filter submitted meanwhile replaces that request.
  const requests = requestChannel();
  // The filter the rows (or the request on its way) answer: showing the tab loads only when it changed.
  let loadedFor: string | null = null;
  const filter = () => JSON.stringify([url.kind, url.actionBy, url.actor]);

  /** The rows in the date range, in the table's order: what the table shows and the CSV holds. */
  function shownRows(): StanceRow[] {
    const key = SORT_VALUE[stances.sortKey]!;
    return stances.rows
      .filter((r) => inDateRange(r.target.date, url.since, url.until))
      .sort((a, b) => key(a).localeCompare(key(b)) * (stances.sortAsc ? 1 : -1));
  }

  function render(): void {
    const rows = shownRows();
    table.querySelector('tbody')!.replaceChildren(...rows.map((r) => stanceRow(r, actions.showInGraph)));
    table.querySelectorAll('th').forEach((th) => {
      const k = th.querySelector('button')?.dataset.sort;
      th.setAttribute('aria-sort', k === stances.sortKey ? (stances.sortAsc ? 'ascending' : 'descending') : 'none');
    });
  }

  /** How many stances the table shows, and how many the date range leaves out. */
  function report(): void {
    const shown = shownRows().length;
    if (stances.rows.length === 0)
      say(`No ${url.kind.toLowerCase()} stances${url.actionBy ? ` on actions by “${url.actionBy}”` : ''}.`);
    else if (!hasRange(url.since, url.until)) say(`${shown} stances.`);
    else say(`${shown} of ${stances.rows.length} stances in the dates ${url.since || '…'} to ${url.until || '…'}.`);
  }

  async function load(): Promise<void> {
    loadedFor = filter();
    say('Loading stances…');
    try {
      const answer = await requests.latest<{ stances: StanceRow[] }>(STANCES, {
        kind: url.kind,
        actionBy: url.actionBy || null,
        actor: url.actor || null,
      });
      stances.rows = answer.stances;
      render();
      report();
    } catch (err) {
      fail(err);
    }
  }

  const kind = byId<HTMLSelectElement>('stance-kind');
  const actionBy = byId<HTMLInputElement>('stance-action-by');
  const actor = byId<HTMLInputElement>('stance-actor');
  kind.value = url.kind;
  actionBy.value = url.actionBy;
  actor.value = url.actor;
  byId('stances-form').addEventListener('submit', (event) => {
    event.preventDefault();
    url.kind = kind.value;
    url.actionBy = actionBy.value.trim();
    url.actor = actor.value.trim();
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

  byId('export-stances-csv').addEventListener('click', () => {
    const name = ['stances', url.kind.toLowerCase(), url.actionBy, url.actor, url.since, url.until].filter(Boolean);
    download(new Blob([stancesCsv(shownRows())], { type: 'text/csv' }), `${name.join('-').replace(/\s+/g, '-')}.csv`);
  });

  return {
    /** Shows the rows of the new date range (the rows loaded stay). */
    filterDates: () => {
      render();
      if (stances.rows.length) report();
    },
    /** Shows the URL's filter in the form, and loads the table when it does not answer that filter yet. */
    show: () => {
      kind.value = url.kind;
      actionBy.value = url.actionBy;
      actor.value = url.actor;
      if (loadedFor !== filter()) void load();
    },
  };
}
