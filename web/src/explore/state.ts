import type { EntityRef, GraphEdge, StanceRow } from './api';

/**
 * Everything the page remembers, in one object. app.ts makes it once (createExplorerState) and hands it to the
 * modules that read or change it; no other module keeps state of its own.
 */

/** The page's tabs. A new tab (a timeline, say) adds its name here and its entry in views.ts. */
export type ViewName = 'graph' | 'stances' | 'path' | 'reader';

/** A node the user pinned, and where (model coordinates, whole numbers so the URL repeats them exactly). */
export interface Pin {
  id: string;
  x: number;
  y: number;
}

/** What the page shows, kept in the URL so a view can be shared (url-state.ts reads and writes it). */
export interface UrlState {
  entity: string | null;
  depth: number;
  expanded: string[];
  /** Relationship types the filter hides. */
  hidden: string[];
  /** The nodes pinned by hand (toolbar Pin or a drag) and the entities hidden by hand (toolbar Hide). */
  pins: Pin[];
  hiddenNodes: string[];
  view: ViewName;
  kind: string;
  actionBy: string;
  /** The path finder's two ends (entity ids). */
  pathFrom: string;
  pathTo: string;
  /** The article open in the reader, and the quote it highlights. */
  article: string;
  quote: string;
  /** The date range shown in the graph and the stances table ('' for no bound; see date-range.ts). */
  since: string;
  until: string;
  /** The stances table's actor filter (an entity name, alias or id). */
  actor: string;
}

/** The entities and relationships loaded so far, by id: the graph view draws exactly these. */
export interface GraphData {
  nodes: Map<string, EntityRef>;
  edges: Map<string, GraphEdge>;
  /** The entities whose neighbourhood answer was cut at the API's `first` (there may be more). */
  capped: Set<string>;
  /** The groups of large neighbourhoods the user unfolded (graph-groups.ts), by group id. */
  openGroups: Set<string>;
  /** The entities the user hid (the toolbar's Hide), until undone or the graph is loaded afresh. */
  hiddenByHand: Set<string>;
}

/** The rows of the stances table and how they are sorted. */
export interface StancesData {
  rows: StanceRow[];
  sortKey: string;
  sortAsc: boolean;
}

export interface ExplorerState {
  url: UrlState;
  graph: GraphData;
  stances: StancesData;
}

/** The page's state at start, from what the URL asks for. */
export function createExplorerState(url: UrlState): ExplorerState {
  return {
    url,
    graph: { nodes: new Map(), edges: new Map(), capped: new Set(), openGroups: new Set(), hiddenByHand: new Set() },
    stances: { rows: [], sortKey: 'date', sortAsc: true },
  };
}
