import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { groupLabel, type NodeGroup } from './graph-groups';
import { placeUnfolded, runLayout } from './graph-layout';
import { GRAPH_STYLE, GROUP_FONT_SIZE, LABEL_MAX_WIDTH, textWidth } from './style';

/** What a pointer does on the graph. */
export interface GraphEvents {
  tapNode(id: string): void;
  tapEdge(id: string): void;
  doubleTapNode(id: string): void;
  /** The pointer came onto an element (at x, y in the container's pixels), or left it (null). */
  /** A node was dragged from `from` to `to` (model coordinates) and let go. */
  dragged(id: string, from: { x: number; y: number }, to: { x: number; y: number }): void;
  hover(target: { id: string; group: 'nodes' | 'edges'; x: number; y: number } | null): void;
}

/** The drawn graph: the one place that talks to cytoscape, so other modules need not know it. */
export interface GraphView {
  readonly cy: Core;
  add(elements: ElementDefinition[]): void;
  clear(): void;
  /** Lays out what is shown (graph-layout.ts): the folded entities are placed beside their group, not laid out. */
  layout(): void;
  /**
   * Places the entities of a group just unfolded (`from`: where its node was) around their entity, outside the
   * drawing, which stays put; after the filters are applied again (they are shown by then).
   */
  placeUnfolded(members: readonly string[], entity: string, from: { x: number; y: number }): void;
  /** Marks the entity the neighbourhood is centred on. */
  setFocus(id: string): void;
  /** Selects one element alone. */
  select(id: string): void;
  /**
   * Hides the relationships of the given types, the nodes `shown` says no to (the date filter) with their
   * relationships, and the nodes left with no relationship shown (but `keep`).
   */
  hideTypes(types: ReadonlySet<string>, keep: string | null, shown?: (id: string) => boolean): void;
  isHidden(id: string): boolean;
  /**
   * Draws `groups` as one node each, linked to their entity, in place of the groups drawn before; the `folded`
   * entities are hidden (with their relationships) until their group is unfolded.
   */
  setGroups(groups: NodeGroup[], folded: ReadonlySet<string>): void;
  /** Sizes each entity's node by its number of loaded relationships (the legend says so). */
  setDegrees(degree: ReadonlyMap<string, number>): void;
  resize(): void;
  /** Fits the shown graph into the view. */
  fit(): void;
  /** Zooms by `factor` (above 1 is closer) around the middle of the view. */
  zoomBy(factor: number): void;
  /** The selected node's id, or null. */
  selectedNode(): string | null;
  /** Pins a node where it is (the layout leaves it there) or unpins it; `at` also moves it there first. */
  setPinned(id: string, pinned: boolean, at?: { x: number; y: number }): void;
  isPinned(id: string): boolean;
  /** The pinned nodes and where they are, in the order they were pinned (what the URL keeps). */
  pins(): { id: string; x: number; y: number }[];
  position(id: string): { x: number; y: number } | null;
  /** Hides the nodes the user hid by hand (with their relationships), in place of those hidden before. */
  setHiddenByHand(ids: ReadonlySet<string>): void;
  /** Removes elements (an expansion undone). */
  remove(ids: string[]): void;
  /** Says a neighbourhood is drawn, and around which entity (the browser tests wait for it). */
  markReady(entity: string): void;
}

/**
 * A node's diameter for its number of relationships: 20 px for one, growing with the square root (so area
 * tracks degree) up to 56 px, where the hubs of a large graph all meet.
 */
export function nodeSize(degree: number): number {
  return Math.round(Math.min(56, 16 + 4 * Math.sqrt(degree)));
}

/** Draws the graph in `container` and sends taps on its elements to `events`. */
export function createGraphView(container: HTMLElement, events: GraphEvents): GraphView {
  const cy: Core = cytoscape({ container, minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3, style: GRAPH_STYLE });
  // For debugging in the console and for the browser tests.
  (window as unknown as { explorer: unknown }).explorer = { cy };
  cy.on('tap', 'node', (evt) => events.tapNode(evt.target.id() as string));
  cy.on('tap', 'edge', (evt) => events.tapEdge(evt.target.id() as string));
  // A double click is the browser's own `dblclick` (the system's double-click speed, whatever the load on the
  // page) on the node the click's taps hit; cytoscape's `dbltap` wants both clicks within 250 ms of page time,
  // which a busy page misses, so the second click only selected the node again.
  let tappedNode: string | null = null;
  cy.on('tap', (evt) => {
    tappedNode = evt.target !== cy && evt.target.isNode() ? (evt.target.id() as string) : null;
  });
  container.addEventListener('dblclick', () => {
    if (tappedNode) events.doubleTapNode(tappedNode);
  });
  // Dragging a node pins it: the next layout leaves it where the user put it.
  let grabbedAt = { x: 0, y: 0 };
  cy.on('grab', 'node', (evt) => void (grabbedAt = { ...evt.target.position() }));
  cy.on('dragfree', 'node', (evt) =>
    events.dragged(evt.target.id() as string, grabbedAt, { ...evt.target.position() }),
  );
  cy.on('mouseover', 'node, edge', (evt) => {
    const at = evt.renderedPosition ?? { x: 0, y: 0 };
    events.hover({ id: evt.target.id() as string, group: evt.target.group(), x: at.x, y: at.y });
  });
  cy.on('mouseout', 'node, edge', () => events.hover(null));
  cy.on('pan zoom', () => events.hover(null));
  // Leaving the canvas sends cytoscape no mouseout: the tooltip would stay behind.
  container.addEventListener('mouseleave', () => events.hover(null));
  // Touch screens send no dblclick: there cytoscape's own double tap stays.
  cy.on('dbltap', 'node', (evt) => {
    if (typeof TouchEvent !== 'undefined' && evt.originalEvent instanceof TouchEvent)
      events.doubleTapNode(evt.target.id() as string);
  });

  let folded: ReadonlySet<string> = new Set();
  let groupsNow: readonly NodeGroup[] = [];
  let byHand: ReadonlySet<string> = new Set();
  const pinned = new Set<string>();

  return {
    cy,
    add: (elements) => void cy.add(elements),
    clear: () => {
      pinned.clear();
      cy.elements().remove();
    },
    layout: () => runLayout(cy, pinned, folded, groupsNow),
    placeUnfolded: (members, entity, from) => placeUnfolded(cy, members, entity, from, new Set([...pinned, ...folded])),
    setFocus(id) {
      cy.nodes().removeClass('focus');
      cy.getElementById(id).addClass('focus');
    },
    select(id) {
      cy.elements().unselect();
      cy.getElementById(id).select();
    },
    hideTypes(types, keep, shown = () => true) {
      cy.batch(() => {
        const inRange = (id: string) => id === keep || (shown(id) && !folded.has(id) && !byHand.has(id));
        cy.edges().forEach((e) => {
          const out = !inRange(e.data('source') as string) || !inRange(e.data('target') as string);
          e.toggleClass('hidden', out || types.has(e.data('type') as string));
        });
        // A node stays when it is the focus or still has a shown relationship.
        cy.nodes().forEach((n) => {
          const visible = n.id() === keep || n.connectedEdges().filter((e) => !e.hasClass('hidden')).length > 0;
          n.toggleClass('hidden', !visible);
        });
      });
    },
    isHidden: (id) => cy.getElementById(id).hasClass('hidden'),
    setDegrees(degree) {
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          if (!n.hasClass('group')) n.data('size', nodeSize(degree.get(n.id()) ?? 0));
        });
      });
    },
    setGroups(groups, foldedNow) {
      folded = foldedNow;
      groupsNow = groups;
      cy.batch(() => {
        // A group drawn before keeps its place (unfolding another lays out only that one's members).
        const was = new Map(cy.nodes('.group').map((n) => [n.id(), { ...n.position() }]));
        cy.nodes('.group').remove();
        for (const g of groups) {
          const beside = cy.getElementById(g.entity).position();
          const [source, target] = g.direction === 'out' ? [g.entity, g.id] : [g.id, g.entity];
          cy.add([
            {
              group: 'nodes',
              classes: 'group',
              data: {
                id: g.id,
                label: groupLabel(g),
                kind: 'GROUP',
                width: Math.min(LABEL_MAX_WIDTH, textWidth(groupLabel(g), GROUP_FONT_SIZE)),
              },
              // A new one beside its entity until the next layout (an undo that folds a group again does not lay out).
              position: was.get(g.id) ?? { x: beside.x + 60, y: beside.y + 40 },
            },
            { group: 'edges', classes: 'group', data: { id: `${g.id}|edge`, source, target, type: g.type } },
          ]);
        }
      });
    },
    resize: () => void cy.resize(),
    fit: () => void cy.fit(cy.elements(':visible'), 30),
    zoomBy(factor) {
      const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    selectedNode() {
      const n = cy.nodes(':selected').first();
      return n.length ? n.id() : null;
    },
    setPinned(id, on, at) {
      const n = cy.getElementById(id);
      if (!n.length) return;
      if (at) n.position(at);
      if (on) pinned.add(id);
      else pinned.delete(id);
      n.toggleClass('pinned', on);
    },
    isPinned: (id) => pinned.has(id),
    pins: () =>
      [...pinned].flatMap((id) => {
        const n = cy.getElementById(id);
        return n.length ? [{ id, ...n.position() }] : [];
      }),
    position(id) {
      const n = cy.getElementById(id);
      return n.length ? { ...n.position() } : null;
    },
    setHiddenByHand(ids) {
      byHand = ids;
    },
    remove(ids) {
      cy.batch(() => {
        for (const id of ids) {
          pinned.delete(id);
          cy.getElementById(id).remove();
        }
      });
    },
    markReady(entity) {
      container.dataset.ready = 'true';
      container.dataset.entity = entity;
    },
  };
}
