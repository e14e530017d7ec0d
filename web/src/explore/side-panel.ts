import type { ExplorerActions } from './actions';
import { DETAILS, NEIGHBORHOOD_FIRST, type Details } from './api';
import { el } from './dom';
import { entityDetails } from './entity-details';
import { evidenceList, loadEvidence } from './evidence';
import { nameOf } from './graph-data';
import { groupLabel, type NodeGroup } from './graph-groups';
import type { GraphView } from './graph-view';
import { errorText } from './messages';
import { isStale, requestChannel, type RequestChannel } from './requests';
import type { ExplorerState } from './state';

/** The side panel: what the selected entity or relationship is, and the evidence for it. */
export function createSidePanel(
  panel: HTMLElement,
  state: ExplorerState,
  view: GraphView,
  actions: Pick<ExplorerActions, 'openEntity' | 'expandNode' | 'openGroup'>,
) {
  const requests: RequestChannel = requestChannel();

  /**
   * Shows `loading` until `load` answers, then its content, or the error under `heading`. Only the latest
   * selection's answer is shown: a slower one for an earlier selection is dropped.
   */
  async function show(loading: Node[], load: () => Promise<Node[]>, heading: Node[] = []): Promise<void> {
    const current = requests.cancel();
    panel.replaceChildren(...loading);
    try {
      const content = await load();
      if (!current.aborted) panel.replaceChildren(...content);
    } catch (err) {
      if (!current.aborted && !isStale(err))
        panel.replaceChildren(...heading, el('p', { class: 'error' }, errorText(err)));
    }
  }

  /** Selects an entity and shows its details and timeline. */
  async function showEntity(id: string): Promise<void> {
    view.select(id);
    await show([el('h2', {}, nameOf(state.graph, id)), el('p', {}, 'Loading…')], async () => {
      const { entity, timeline } = await requests.join<Details>(DETAILS, { id });
      if (!entity) return [el('p', {}, `No entity with id "${id}".`)];
      return entityDetails(id, { entity, timeline }, actions);
    });
  }

  /** Selects a relationship and shows its evidence. */
  async function showEdge(id: string): Promise<void> {
    const e = state.graph.edges.get(id);
    if (!e) return;
    view.select(id);
    const title = el('h2', {}, `${nameOf(state.graph, e.from)} ${e.type} ${nameOf(state.graph, e.to)}`);
    await show(
      [title, el('p', {}, 'Loading the evidence…')],
      async () => {
        const evidence = await loadEvidence(e, requests);
        return [
          title,
          el('p', {}, `${evidence.length} piece${evidence.length === 1 ? '' : 's'} of evidence`),
          evidenceList(evidence),
        ];
      },
      [title],
    );
  }

  /** Shows a group of a large neighbourhood: what it folds, with a button to draw them all. */
  function showGroup(g: NodeGroup): void {
    requests.cancel();
    view.select(g.id);
    const who = nameOf(state.graph, g.entity);
    const open = el('button', { type: 'button' }, `Show all ${g.members.length}`);
    open.addEventListener('click', () => actions.openGroup(g.id));
    const members = el('ul', { class: 'group-members' });
    for (const m of g.members) {
      const b = el('button', { type: 'button', class: 'linkish' }, nameOf(state.graph, m));
      b.addEventListener('click', () => void actions.openEntity(m));
      members.append(el('li', {}, b));
    }
    const arrow = g.direction === 'out' ? `${who} ${g.type} …` : `… ${g.type} ${who}`;
    panel.replaceChildren(
      el('h2', {}, `${who}: ${groupLabel(g)}`),
      el('p', {}, `${g.members.length} more entities (${arrow}) are folded into this node to keep the graph readable.`),
      state.graph.capped.has(g.entity)
        ? el(
            'p',
            { class: 'note' },
            `The neighbourhood answer stops at ${NEIGHBORHOOD_FIRST} entities, so ${who} may have more than the graph shows.`,
          )
        : '',
      el('p', {}, open),
      members,
    );
  }

  return { showEntity, showEdge, showGroup };
}
