import { NEIGHBORHOOD, NEIGHBORHOOD_FIRST, type Subgraph } from './api';
import { takeEarlyNeighbourhood } from './early-request';
import { clearGraph, forgetElements, mergeSubgraph, nameOf } from './graph-data';
import type { GraphView } from './graph-view';
import { fail, say } from './messages';
import { requestChannel } from './requests';
import type { ExplorerState, UrlState } from './state';
import type { UndoStack } from './undo';
import { writeUrlState } from './url-state';

export interface NeighbourhoodDeps {
  state: ExplorerState;
  view: GraphView;
  /** Re-applies the relationship filter and redraws the controls that list the graph. */
  refresh(): void;
  /** Folds the large neighbourhoods of what is loaded (graph-groups.ts). */
  regroup(): void;
  /** Takes the URL's pins and hidden nodes into a freshly loaded graph, before its layout. */
  applyUrlView(): void;
  selectNode(id: string): Promise<void>;
  undo: UndoStack;
}

/** What the URL asks the graph to show: when it differs from what is drawn, the graph is loaded again. */
const drawing = (url: UrlState): string => JSON.stringify([url.entity, url.depth, url.expanded]);

/** Loads neighbourhoods from the API into the graph: the centre entity and the nodes expanded around it. */
export function createNeighbourhood({
  state,
  view,
  refresh,
  regroup,
  applyUrlView,
  selectNode,
  undo,
}: NeighbourhoodDeps) {
  const { url, graph } = state;
  // Opening an entity replaces whatever the graph still waits for; expansions join the graph being shown.
  const requests = requestChannel();
  let drawn: string | null = null;

  async function fetchNeighbourhood(id: string): Promise<Subgraph> {
    // The first load's requests went out before this code was loaded (main.ts); a stale one is dropped by
    // open() as any other, through its generation's signal.
    const data =
      (await takeEarlyNeighbourhood(id, url.depth)) ??
      (await requests.join<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id, depth: url.depth }));
    return data.neighborhood;
  }

  /** Shows an entity's neighbourhood afresh, then re-expands the nodes the URL names. */
  async function open(id: string, keepExpanded = false): Promise<void> {
    url.entity = id;
    // Another entity is another picture: its pins and hidden nodes start afresh (the old ones are Back away).
    if (!keepExpanded) {
      url.expanded = [];
      url.pins = [];
      url.hiddenNodes = [];
    }
    writeUrlState(url);
    const current = requests.cancel();
    const wanted = drawing(url);
    say('Loading the neighbourhood…');
    try {
      const subgraphs = await Promise.all([id, ...url.expanded].map(fetchNeighbourhood));
      if (current.aborted) return;
      // The phases of a load, for bench:explore (performance marks cost nothing worth counting).
      performance.mark('explore:answered');
      clearGraph(graph);
      view.clear();
      undo.clear();
      const centres = [id, ...url.expanded];
      subgraphs.forEach((sub, i) => {
        view.add(mergeSubgraph(graph, sub));
        if (sub.nodes.length >= NEIGHBORHOOD_FIRST) graph.capped.add(centres[i]!);
      });
      drawn = wanted;
      if (graph.nodes.size === 0) {
        say(`No entity with id "${id}".`, 'error');
        return;
      }
      view.setFocus(id);
      applyUrlView();
      performance.mark('explore:merged');
      regroup();
      performance.mark('explore:grouped');
      view.layout();
      performance.mark('explore:laid-out');
      refresh();
      performance.mark('explore:refreshed');
      say(`${nameOf(graph, id)}: ${graph.nodes.size} entities, ${graph.edges.size} relationships.`);
      view.markReady(id);
      await selectNode(id);
    } catch (err) {
      fail(err);
    }
  }

  /** Adds a node's neighbourhood to what is shown, and remembers it in the URL. */
  async function expand(id: string): Promise<void> {
    say(`Expanding ${nameOf(graph, id)}…`);
    try {
      const sub = await fetchNeighbourhood(id);
      const added = mergeSubgraph(graph, sub);
      if (sub.nodes.length >= NEIGHBORHOOD_FIRST) graph.capped.add(id);
      view.add(added);
      const wasExpanded = url.expanded.includes(id) || id === url.entity;
      if (!wasExpanded) url.expanded.push(id);
      if (added.length)
        undo.push(`expanding ${nameOf(graph, id)}`, () => {
          const ids = added.map((a) => a.data.id!);
          forgetElements(graph, ids);
          view.remove(ids);
          if (!wasExpanded) url.expanded = url.expanded.filter((x) => x !== id);
          writeUrlState(url);
          drawn = drawing(url);
          regroup();
          refresh();
        });
      writeUrlState(url);
      drawn = drawing(url);
      regroup();
      view.layout();
      refresh();
      say(
        added.length
          ? `Added ${added.length} elements around ${nameOf(graph, id)}.`
          : `Nothing new around ${nameOf(graph, id)}.`,
      );
    } catch (err) {
      fail(err);
    }
  }

  /** Brings the graph in line with the URL after Back or Forward: reloads it only when it shows something else. */
  async function sync(): Promise<void> {
    if (drawing(url) === drawn) return;
    if (url.entity) return open(url.entity, true);
    requests.cancel();
    clearGraph(graph);
    view.clear();
    drawn = drawing(url);
    refresh();
  }

  return { open, expand, sync };
}
