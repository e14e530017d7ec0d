import { gql, NEIGHBORHOOD, type Subgraph } from './api';
import { parseUrlState } from './url-params';

/** The neighbourhood requests sent before the page's code was loaded, by `id|depth`; each is taken once. */
const early = new Map<string, Promise<{ neighborhood: Subgraph }>>();

const key = (id: string, depth: number) => `${id}|${depth}`;

/** Sends the neighbourhood requests the URL's graph needs (its entity and expanded nodes), before anything else. */
export function sendEarlyNeighbourhoods(search: string): void {
  const url = parseUrlState(search);
  if (!url.entity) return;
  for (const id of [url.entity, ...url.expanded]) {
    const reply = gql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id, depth: url.depth });
    // Whoever takes it sees its failure; one left untaken (the user moved on first) must not be reported.
    reply.catch(() => undefined);
    early.set(key(id, url.depth), reply);
  }
}

/**
 * The early reply for this neighbourhood, or null if none was sent (or it was taken already: a later load of
 * the same entity asks the API again, for fresh data).
 */
export function takeEarlyNeighbourhood(id: string, depth: number): Promise<{ neighborhood: Subgraph }> | null {
  const reply = early.get(key(id, depth)) ?? null;
  early.delete(key(id, depth));
  return reply;
}
