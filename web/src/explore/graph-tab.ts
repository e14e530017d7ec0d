import type { ExplorerActions } from './actions';
import { inDateRange } from './date-range';
import { byId, el } from './dom';
import { exportPng } from './export';
import { EXPORT_BUTTONS, exportFormat, exportJsonWithEvidence } from './export-formats';
import { degrees, nameOf, relationshipTypes } from './graph-data';
import { findGroups, isGroupId, type NodeGroup } from './graph-groups';
import { say } from './messages';
import type { UndoStack } from './undo';
import type { GraphView } from './graph-view';
import { renderNodeList } from './node-list';
import type { ExplorerState } from './state';
import { KIND_STYLE } from './style';
import { writeUrlState } from './url-state';

type GraphTabActions = Pick<
  ExplorerActions,
  'openEntity' | 'selectNode' | 'expandNode' | 'selectEdge' | 'selectGroup' | 'openGroup'
>;

function renderLegend(legend: HTMLElement): void {
  for (const style of Object.values(KIND_STYLE)) {
    legend.append(
      el(
        'li',
        {},
        el('span', { class: `swatch ${style.shape}`, style: `background:${style.color}`, 'aria-hidden': 'true' }),
        ` ${style.label}`,
      ),
    );
  }
  legend.append(
    el(
      'li',
      { class: 'size-key' },
      el('span', { class: 'size-dots', 'aria-hidden': 'true' }, '• ● ⬤'),
      ' Size: relationships loaded',
    ),
    el(
      'li',
      {},
      el('span', { class: 'swatch group', 'aria-hidden': 'true' }),
      ' Group: more of one relationship, click to list',
    ),
  );
}

/** One checkbox per relationship type; `onToggle` hears which type is now shown or not. */
function renderTypeFilter(
  box: HTMLElement,
  types: string[],
  hidden: string[],
  onToggle: (type: string, shown: boolean) => void,
): void {
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const type of types) {
    const input = el('input', { type: 'checkbox', value: type, 'aria-label': `Show ${type} relationships` });
    input.checked = !hidden.includes(type);
    input.addEventListener('change', () => onToggle(type, input.checked));
    box.append(el('label', {}, input, ` ${type}`));
  }
}

/**
 * The graph tab's controls around the drawing: depth, relationship filter, re-layout, exports, legend and the
 * keyboard list. Returns `refresh`, which re-applies the filter after the graph changed, and `sync`.
 */
export function createGraphTab(state: ExplorerState, view: GraphView, actions: GraphTabActions, undo: UndoStack) {
  const { url } = state;
  let groups: NodeGroup[] = [];

  /** Folds the large neighbourhoods of the loaded graph again (after a load, an expansion or an unfolding). */
  function regroup(): void {
    const keep = new Set([...(url.entity ? [url.entity] : []), ...url.expanded]);
    const found = findGroups(state.graph, keep, state.graph.openGroups);
    groups = found.groups;
    view.setGroups(groups, found.folded);
    view.setDegrees(degrees(state.graph));
  }

  function refresh(): void {
    view.setHiddenByHand(state.graph.hiddenByHand);
    view.hideTypes(new Set(url.hidden), url.entity, (id) => {
      const n = state.graph.nodes.get(id);
      return n?.kind !== 'EVENT' || inDateRange(n.date, url.since, url.until);
    });
    renderTypeFilter(byId('type-filter'), relationshipTypes(state.graph, url.hidden), url.hidden, toggleType);
    renderNodeList(byId('node-list'), state, view, groups, actions);
  }

  function toggleType(type: string, shown: boolean): void {
    url.hidden = shown ? url.hidden.filter((t) => t !== type) : [...url.hidden, type];
    writeUrlState(url);
    refresh();
  }

  const depth = byId<HTMLSelectElement>('depth');
  depth.value = String(url.depth);
  depth.addEventListener('change', () => {
    url.depth = Number(depth.value);
    writeUrlState(url);
    if (url.entity) void actions.openEntity(url.entity, true);
  });
  byId('relayout').addEventListener('click', () => view.layout());
  byId('export-png').addEventListener('click', () => exportPng(view.cy, state));
  byId('export-json').addEventListener('click', () => void exportJsonWithEvidence(state));
  for (const { button, format } of EXPORT_BUTTONS) {
    byId(button).addEventListener('click', () => void exportFormat(format, state));
  }
  renderLegend(byId('legend'));

  byId('fit').addEventListener('click', () => view.fit());
  byId('zoom-in').addEventListener('click', () => view.zoomBy(1.25));
  byId('zoom-out').addEventListener('click', () => view.zoomBy(0.8));
  /** The selected entity's node, or null after saying how to select one. */
  const selected = (): string | null => {
    const id = view.selectedNode();
    if (id && !isGroupId(id)) return id;
    say('Select a node first: click it, or its name in the list under the graph.', 'error');
    return null;
  };
  /** Where a node is, to whole model units: a pin goes there, so the URL's rounded figures put it back exactly. */
  const rounded = (id: string) => {
    const at = view.position(id) ?? { x: 0, y: 0 };
    return { x: Math.round(at.x), y: Math.round(at.y) };
  };

  /** Keeps the pins and the nodes hidden by hand in the URL (a history entry, like the rest of the view). */
  function record(): void {
    url.pins = view.pins().map((p) => ({ id: p.id, x: Math.round(p.x), y: Math.round(p.y) }));
    url.hiddenNodes = [...state.graph.hiddenByHand];
    writeUrlState(url);
  }

  /**
   * Takes the URL's pins and hidden nodes into the drawn graph: after a load (before its layout, which then
   * leaves the pins where they are) and after Back or Forward. Ids the graph does not hold are dropped.
   */
  function applyUrlView(): void {
    const hidden = state.graph.hiddenByHand;
    hidden.clear();
    for (const id of url.hiddenNodes) if (state.graph.nodes.has(id) && id !== url.entity) hidden.add(id);
    const wanted = new Map(url.pins.map((p) => [p.id, p]));
    for (const p of view.pins()) if (!wanted.has(p.id)) view.setPinned(p.id, false);
    for (const p of wanted.values()) if (state.graph.nodes.has(p.id)) view.setPinned(p.id, true, { x: p.x, y: p.y });
    url.pins = url.pins.filter((p) => state.graph.nodes.has(p.id));
    url.hiddenNodes = [...hidden];
  }

  byId('pin-node').addEventListener('click', () => {
    const id = selected();
    if (!id) return;
    const was = view.isPinned(id);
    const at = view.position(id) ?? undefined;
    view.setPinned(id, !was, was ? undefined : rounded(id));
    record();
    undo.push(`${was ? 'unpinning' : 'pinning'} ${nameOf(state.graph, id)}`, () => view.setPinned(id, was, at));
    say(`${nameOf(state.graph, id)} is ${was ? 'no longer pinned' : 'pinned: the layout leaves it where it is'}.`);
  });
  byId('hide-node').addEventListener('click', () => {
    const id = selected();
    if (!id) return;
    if (id === url.entity)
      return say('The centre of the graph cannot be hidden; open another entity instead.', 'error');
    const hidden = state.graph.hiddenByHand;
    hidden.add(id);
    refresh();
    record();
    undo.push(`hiding ${nameOf(state.graph, id)}`, () => {
      hidden.delete(id);
      refresh();
    });
    say(`${nameOf(state.graph, id)} is hidden (Undo shows it again).`);
  });

  /** A node was dragged: it is pinned where it was let go, and Undo puts it back. */
  function dragged(id: string, from: { x: number; y: number }): void {
    if (isGroupId(id)) return;
    const was = view.isPinned(id);
    view.setPinned(id, true, rounded(id));
    record();
    undo.push(`moving ${nameOf(state.graph, id)}`, () => view.setPinned(id, was, from));
  }

  /** Shows the URL's depth, relationship filter, pins and hidden nodes after Back or Forward. */
  function sync(): void {
    depth.value = String(url.depth);
    applyUrlView();
    refresh();
  }

  const group = (id: string): NodeGroup | undefined => groups.find((g) => g.id === id);

  return { refresh, regroup, group, dragged, sync, record, applyUrlView };
}
