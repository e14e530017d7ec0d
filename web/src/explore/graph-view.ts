import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { groupLabel, type NodeGroup } from './graph-groups';
import { runLayout } from './graph-layout';
import { GRAPH_STYLE } from './style';

/** What a pointer does on the graph. */
export interface GraphEvents {
  tapNode(id: string): void;
  tapEdge(id: string): void;
  doubleTapNode(id: string): void;
}

/** The drawn graph: the one place that talks to cytoscape, so other modules need not know it. */
export interface GraphView {
  readonly cy: Core;
  add(elements: ElementDefinition[]): void;
  clear(): void;
  layout(): void;
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
  resize(): void;
  /** Says a neighbourhood is drawn, and around which entity (the browser tests wait for it). */
  markReady(entity: string): void;
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
  // Touch screens send no dblclick: there cytoscape's own double tap stays.
  cy.on('dbltap', 'node', (evt) => {
    if (typeof TouchEvent !== 'undefined' && evt.originalEvent instanceof TouchEvent)
      events.doubleTapNode(evt.target.id() as string);
  });

  let folded: ReadonlySet<string> = new Set();

  return {
    cy,
    add: (elements) => void cy.add(elements),
    clear: () => void cy.elements().remove(),
    layout: () => runLayout(cy),
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
        const inRange = (id: string) => id === keep || (shown(id) && !folded.has(id));
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
    setGroups(groups, foldedNow) {
      folded = foldedNow;
      cy.batch(() => {
        cy.nodes('.group').remove();
        for (const g of groups) {
          const [source, target] = g.direction === 'out' ? [g.entity, g.id] : [g.id, g.entity];
          cy.add([
            { group: 'nodes', classes: 'group', data: { id: g.id, label: groupLabel(g), kind: 'GROUP' } },
            { group: 'edges', classes: 'group', data: { id: `${g.id}|edge`, source, target, type: g.type } },
          ]);
        }
      });
    },
    resize: () => void cy.resize(),
    markReady(entity) {
      container.dataset.ready = 'true';
      container.dataset.entity = entity;
    },
  };
}
