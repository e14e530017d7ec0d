import type { ExportEdge, FoundEdge } from './model';

/** Orders edges by start, type and end (then origin), so facts sharing those three are neighbours. */
export function compareEdges(a: FoundEdge, b: FoundEdge): number {
  const key = (e: FoundEdge): string[] => [e.from, e.type, e.to, e.origin];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! < y[i]!) return -1;
    if (x[i]! > y[i]!) return 1;
  }
  return 0;
}

/**
 * Gives each edge of an export its id, `from|type|to`, numbering further facts of the same three (two roles
 * of one person at one organization) `|2`, `|3`. It remembers only the previous edge, so memory stays
 * constant over a streamed export; edges must arrive in compareEdges order.
 */
export function edgeIds(): (edge: FoundEdge) => ExportEdge {
  let previous = '';
  let repeat = 1;
  return (edge) => {
    const base = `${edge.from}|${edge.type}|${edge.to}`;
    repeat = base === previous ? repeat + 1 : 1;
    previous = base;
    return { id: repeat === 1 ? base : `${base}|${repeat}`, ...edge };
  };
}
