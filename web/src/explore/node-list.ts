import type { ExplorerActions } from './actions';
import { edgeId, nameOf } from './graph-data';
import type { GraphView } from './graph-view';
import { el } from './dom';
import { nodeLabel } from './format';
import type { ExplorerState } from './state';

type ListActions = Pick<ExplorerActions, 'selectNode' | 'expandNode' | 'selectEdge'>;

/** The keyboard way through the graph: every shown node with Details and Expand buttons. */
export function renderNodeList(
  list: HTMLElement,
  { graph, url }: ExplorerState,
  view: GraphView,
  actions: ListActions,
): void {
  list.replaceChildren();
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
