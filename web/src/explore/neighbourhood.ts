import { gql, NEIGHBORHOOD, type Subgraph } from './api';
import { clearGraph, mergeSubgraph, nameOf } from './graph-data';
import type { GraphView } from './graph-view';
import { fail, say } from './messages';
import type { ExplorerState } from './state';
import { writeUrlState } from './url-state';

export interface NeighbourhoodDeps {
  state: ExplorerState;
  view: GraphView;
  /** Re-applies the relationship filter and redraws the controls that list the graph. */
  refresh(): void;
  selectNode(id: string): Promise<void>;
}

/** Loads neighbourhoods from the API into the graph: the centre entity and the nodes expanded around it. */
export function createNeighbourhood({ state, view, refresh, selectNode }: NeighbourhoodDeps) {
  const { url, graph } = state;

  async function fetchNeighbourhood(id: string): Promise<Subgraph> {
    const data = await gql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id, depth: url.depth });
    return data.neighborhood;
  }

  /** Shows an entity's neighbourhood afresh, then re-expands the nodes the URL names. */
  async function open(id: string, keepExpanded = false): Promise<void> {
    url.entity = id;
    if (!keepExpanded) url.expanded = [];
    writeUrlState(url);
    say('Loading the neighbourhood…');
    try {
      const subgraphs = await Promise.all([id, ...url.expanded].map(fetchNeighbourhood));
      clearGraph(graph);
      view.clear();
      for (const sub of subgraphs) view.add(mergeSubgraph(graph, sub));
      if (graph.nodes.size === 0) {
        say(`No entity with id "${id}".`, 'error');
        return;
      }
      view.setFocus(id);
      view.layout();
      refresh();
      say(`${nameOf(graph, id)}: ${graph.nodes.size} entities, ${graph.edges.size} relationships.`);
      view.markReady();
      await selectNode(id);
    } catch (err) {
      fail(err);
    }
  }

  /** Adds a node's neighbourhood to what is shown, and remembers it in the URL. */
  async function expand(id: string): Promise<void> {
    say(`Expanding ${nameOf(graph, id)}…`);
    try {
      const added = mergeSubgraph(graph, await fetchNeighbourhood(id));
      view.add(added);
      if (!url.expanded.includes(id) && id !== url.entity) url.expanded.push(id);
      writeUrlState(url);
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

  return { open, expand };
}
