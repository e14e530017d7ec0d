import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, Subgraph } from './api';
import { nodeLabel } from './format';
import type { GraphData } from './state';
import { KIND_STYLE } from './style';

/** An edge's id in the graph: its two ends and its type. */
export const edgeId = (e: GraphEdge): string => `${e.from}|${e.type}|${e.to}`;

/** An entity's name when it is loaded, else its id. */
export function nameOf(graph: GraphData, id: string): string {
  return graph.nodes.get(id)?.name ?? id;
}

/** Records a subgraph's nodes and edges that are not yet known; returns the cytoscape elements of the new ones. */
export function mergeSubgraph(graph: GraphData, sub: Subgraph): ElementDefinition[] {
  const added: ElementDefinition[] = [];
  for (const n of sub.nodes) {
    if (graph.nodes.has(n.id)) continue;
    graph.nodes.set(n.id, n);
    const style = KIND_STYLE[n.kind];
    added.push({
      group: 'nodes',
      data: { id: n.id, label: nodeLabel(n), kind: n.kind, color: style.color, shape: style.shape, size: 20 },
    });
  }
  for (const e of sub.edges) {
    const id = edgeId(e);
    if (graph.edges.has(id) || !graph.nodes.has(e.from) || !graph.nodes.has(e.to)) continue;
    graph.edges.set(id, e);
    added.push({ group: 'edges', data: { id, source: e.from, target: e.to, type: e.type } });
  }
  return added;
}

/** Forgets every loaded entity and relationship. */
export function clearGraph(graph: GraphData): void {
  graph.nodes.clear();
  graph.edges.clear();
  graph.capped.clear();
  graph.openGroups.clear();
  graph.hiddenByHand.clear();
}

/** Forgets loaded elements by id (an expansion undone): entities and relationships alike. */
export function forgetElements(graph: GraphData, ids: string[]): void {
  for (const id of ids) {
    graph.nodes.delete(id);
    graph.edges.delete(id);
  }
}

/** The relationship types the filter offers: those loaded and those the URL hides, sorted, once each. */
export function relationshipTypes(graph: GraphData, hidden: string[]): string[] {
  return [...new Set([...[...graph.edges.values()].map((e) => e.type), ...hidden].sort())];
}

/** Each loaded entity's number of loaded relationships (node size: graph-view.ts). */
export function degrees(graph: GraphData): Map<string, number> {
  const degree = new Map<string, number>();
  for (const e of graph.edges.values()) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  return degree;
}
