import type { ExplorerActions } from './actions';
import { type EntityRef, PATH, PICK, type PathReply } from './api';
import { byId, el } from './dom';
import { createEntityPicker, type EntityPicker } from './entity-picker';
import { evidenceList } from './evidence';
import { nodeLabel } from './format';
import { fail, say } from './messages';
import { orderHops } from './path-hops';
import { requestChannel } from './requests';
import type { ExplorerState } from './state';
import { writeUrlState } from './url-state';

/** The Paths tab: two search-as-you-type pickers, and the shortest path between them with each hop's evidence. */
export function createPathTab(state: ExplorerState, actions: Pick<ExplorerActions, 'showInGraph'>) {
  const { url } = state;
  const requests = requestChannel();
  const hopsList = byId('path-hops');
  const from = createEntityPicker(byId('path-from'), byId('path-from-options'));
  const to = createEntityPicker(byId('path-to'), byId('path-to-options'));
  let shown: string | null = null;

  const entityButton = (n: EntityRef | undefined, id: string) => {
    const b = el('button', { type: 'button', class: 'linkish' }, n ? nodeLabel(n) : id);
    b.addEventListener('click', () => actions.showInGraph(id));
    return b;
  };

  /** The picked entity's id, or the best hit for the typed text; null (and a message) when nothing matches. */
  async function resolve(picker: EntityPicker, end: string): Promise<string | null> {
    if (picker.id) return picker.id;
    if (!picker.text) {
      say(`Choose the entity the path goes ${end}.`, 'error');
      return null;
    }
    const { search } = await requests.latest<{ search: EntityRef[] }>(PICK, { text: picker.text });
    const best = search[0];
    if (!best) say(`No entity matches “${picker.text}”.`, 'error');
    else picker.set(best);
    return best?.id ?? null;
  }

  async function load(): Promise<void> {
    shown = JSON.stringify([url.pathFrom, url.pathTo]);
    say('Looking for a path…');
    try {
      const { path } = await requests.latest<PathReply>(PATH, { from: url.pathFrom, to: url.pathTo });
      if (!path) {
        hopsList.replaceChildren();
        say('No path of 6 hops or fewer joins them.');
        return;
      }
      const names = new Map(path.nodes.map((n) => [n.id, n]));
      for (const [picker, id] of [
        [from, url.pathFrom],
        [to, url.pathTo],
      ] as const) {
        const n = names.get(id);
        if (n && picker.id !== id) picker.set(n);
      }
      const hops = orderHops(path, url.pathFrom);
      hopsList.replaceChildren(
        ...hops.map((h) => {
          const arrow = h.forward ? `— ${h.edge.type} →` : `← ${h.edge.type} —`;
          return el(
            'li',
            { class: 'hop' },
            el(
              'p',
              { class: 'hop-line' },
              entityButton(names.get(h.at), h.at),
              ` ${arrow} `,
              entityButton(names.get(h.next), h.next),
            ),
            evidenceList(h.edge.evidence ?? []),
          );
        }),
      );
      say(hops.length === 1 ? 'One hop.' : `${hops.length} hops.`);
    } catch (err) {
      fail(err);
    }
  }

  byId('path-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const [a, b] = [await resolve(from, 'from'), await resolve(to, 'to')];
      if (!a || !b) return;
      url.pathFrom = a;
      url.pathTo = b;
      writeUrlState(url);
      await load();
    } catch (err) {
      fail(err);
    }
  });

  return {
    /** Shows the path the URL names, finding it again only when it is another one. */
    show: () => {
      if (url.pathFrom && url.pathTo && shown !== JSON.stringify([url.pathFrom, url.pathTo])) void load();
    },
  };
}
