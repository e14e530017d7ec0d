/** The part of an edge a hop needs; the API's GraphEdge is one (kept apart from api.ts, which needs the DOM). */
interface PathEdge {
  type: string;
  from: string;
  to: string;
}

/** One hop of a path: the edge, and whether it is walked from its `from` end (→) or against it (←). */
export interface Hop<E extends PathEdge = PathEdge> {
  edge: E;
  forward: boolean;
  /** The entities the hop leaves and reaches, in walking order. */
  at: string;
  next: string;
}

/**
 * The path's edges in order from `start`, each once: the API returns a path as a subgraph (nodes and edges
 * without an order), and a relationship may point either way along it. Stops where the edges stop connecting.
 */
export function orderHops<E extends PathEdge>(path: { edges: E[] }, start: string): Hop<E>[] {
  const left = [...path.edges];
  const hops: Hop<E>[] = [];
  let at = start;
  while (left.length > 0) {
    const i = left.findIndex((e) => e.from === at || e.to === at);
    if (i < 0) break;
    const [edge] = left.splice(i, 1) as [E];
    const forward = edge.from === at;
    const next = forward ? edge.to : edge.from;
    hops.push({ edge, forward, at, next });
    at = next;
  }
  return hops;
}
