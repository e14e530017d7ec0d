import type { ExplorerActions } from './actions';
import { type EntityRef, SEARCH } from './api';
import { byId, el } from './dom';
import { nodeLabel } from './format';
import { fail, say } from './messages';
import { requestChannel } from './requests';

/** The search box: lists the entities whose names match, each a button that opens it in the graph. */
export function createSearch(actions: Pick<ExplorerActions, 'showInGraph'>): void {
  const results = byId<HTMLUListElement>('results');
  const requests = requestChannel();

  function hitButton(hit: EntityRef): HTMLButtonElement {
    const b = el(
      'button',
      { type: 'button' },
      nodeLabel(hit),
      ' ',
      el('span', { class: `kind kind-${hit.kind}` }, hit.kind),
    );
    b.addEventListener('click', () => {
      results.hidden = true;
      actions.showInGraph(hit.id);
    });
    return b;
  }

  byId('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = byId<HTMLInputElement>('search-text').value.trim();
    const kind = byId<HTMLSelectElement>('search-kind').value;
    if (!text) {
      say('Type a name to search for.');
      return;
    }
    say('Searching…');
    try {
      const { search } = await requests.latest<{ search: EntityRef[] }>(SEARCH, { text, kinds: kind ? [kind] : null });
      results.replaceChildren();
      results.hidden = search.length === 0;
      if (search.length === 0) {
        say(`No entity matches “${text}”${kind ? ` among ${kind}` : ''}.`);
        return;
      }
      for (const hit of search) results.append(el('li', {}, hitButton(hit)));
      say(`${search.length} match${search.length === 1 ? '' : 'es'} for “${text}”.`);
      (results.querySelector('button') as HTMLButtonElement | null)?.focus();
    } catch (err) {
      fail(err);
    }
  });
}
