import type { ExplorerActions } from './actions';
import { edgeId, nameOf } from './graph-data';
import { groupLabel, type NodeGroup } from './graph-groups';
import type { GraphView } from './graph-view';
import { el } from './dom';
import { nodeLabel } from './format';
import type { ExplorerState } from './state';

type ListActions = Pick<ExplorerActions, 'selectNode' | 'expandNode' | 'selectEdge' | 'selectGroup' | 'openGroup'>;

/** The keyboard way through the graph: every shown node with Details and Expand buttons. */
export function renderNodeList(
  list: HTMLElement,
  { graph, url }: ExplorerState,
  view: GraphView,
  groups: NodeGroup[],
  actions: ListActions,
): void {
  list.replaceChildren();
  // The folded parts of large neighbourhoods first: each says what it holds and unfolds with one button.
  for (const g of groups) {
    if (view.isHidden(g.id)) continue;
    const details = el('button', { type: 'button' }, `${nameOf(graph, g.entity)}: ${groupLabel(g)}`);
    details.addEventListener('click', () => actions.selectGroup(g.id));
    const open = el(
      'button',
      { type: 'button', 'aria-label': `Show the ${g.members.length} ${g.type} of ${nameOf(graph, g.entity)}` },
      'Show all',
    );
    open.addEventListener('click', () => actions.openGroup(g.id));
    list.append(el('li', { class: 'group' }, details, ' ', el('span', { class: 'kind' }, 'GROUP'), ' ', open));
  }
  for (const n of [...graph.nodes.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (view.isHidden(n.id)) continue;
    const details = el('button', { type: 'button' }, nodeLabel(n));
    details.addEventListener('click', () => actions.selectNode(n.id));
    const expand = el('button', { type: 'button', 'aria-label': `Expand ${n.name}` }, 'Expand');
    expand.addEventListener('click', () => void actions.expandNode(n.id));
    const rels = el('ul', {});
    for (const e of graph.edges.values()) {
      if (e.from !== n.id || url.hidden.includes(e.type) || view.isHidden(edgeId(e))) continue;
      const b = el('button', { type: 'button' }, `${e.type} → ${nameOf(graph, e.to)}`);
      b.addEventListener('click', () => void actions.selectEdge(edgeId(e)));
      rels.append(el('li', {}, b));
    }
    list.append(el('li', {}, details, ' ', el('span', { class: 'kind' }, n.kind), ' ', expand, rels));
  }
}
