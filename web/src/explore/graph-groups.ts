/**
 * Large neighbourhoods drawn as groups: when an entity has more than GROUP_ABOVE neighbours over one relationship
 * type in one direction, the first GROUP_SHOWN of them (by name) are drawn and the rest become one group node
 * ("42 more OPPOSED →"), so a hub's answer is a readable star instead of a hairball. The count is of the loaded
 * graph: the API's `neighborhood` answers at most `first: 100` entities and its Subgraph has no count field, so
 * a hub of thousands of relationships says how many of the loaded ones are folded, and the side panel says the
 * answer was capped.
 */
export const GROUP_ABOVE = 12;
export const GROUP_SHOWN = 5;

export type Direction = 'out' | 'in';

/** What grouping reads of the loaded graph (state.ts's GraphData has it; kept apart so unit tests need no DOM). */
export interface GroupableGraph {
  nodes: ReadonlyMap<string, { name: string }>;
  edges: ReadonlyMap<string, { from: string; to: string; type: string }>;
}

export interface NodeGroup {
  /** `group|<entity>|<type>|<out or in>`: never an entity id (those have no `|`). */
  id: string;
  entity: string;
  type: string;
  direction: Direction;
  /** The folded neighbours (entity ids), by name. */
  members: string[];
}

/** Whether an element id is a group node's. */
export const isGroupId = (id: string): boolean => id.startsWith('group|');

/** A group's label on the graph: how many, over which relationship, and which way. */
export function groupLabel(g: NodeGroup): string {
  return g.direction === 'out' ? `${g.members.length} more ${g.type} →` : `← ${g.members.length} more ${g.type}`;
}

/**
 * The groups of the loaded graph. `keep` are never folded (the centre, expanded nodes); `open` are the group
 * ids the user unfolded. Returns the groups and the entity ids they fold.
 */
export function findGroups(
  graph: GroupableGraph,
  keep: ReadonlySet<string>,
  open: ReadonlySet<string>,
): { groups: NodeGroup[]; folded: Set<string> } {
  const sides = new Map<string, { entity: string; type: string; direction: Direction; others: Set<string> }>();
  const side = (entity: string, type: string, direction: Direction, other: string) => {
    const key = `group|${entity}|${type}|${direction}`;
    let s = sides.get(key);
    if (!s) sides.set(key, (s = { entity, type, direction, others: new Set() }));
    s.others.add(other);
  };
  for (const e of graph.edges.values()) {
    side(e.from, e.type, 'out', e.to);
    side(e.to, e.type, 'in', e.from);
  }
  const name = (id: string) => graph.nodes.get(id)?.name ?? id;
  const groups: NodeGroup[] = [];
  const folded = new Set<string>();
  // In id order, so the same graph folds the same way whatever order the API listed it in.
  for (const key of [...sides.keys()].sort()) {
    const s = sides.get(key)!;
    if (open.has(key) || s.others.size <= GROUP_ABOVE) continue;
    const candidates = [...s.others].filter((id) => !keep.has(id)).sort((a, b) => name(a).localeCompare(name(b)));
    const members = candidates.slice(GROUP_SHOWN);
    if (members.length === 0) continue;
    groups.push({ id: key, entity: s.entity, type: s.type, direction: s.direction, members });
    for (const m of members) folded.add(m);
  }
  // A folded entity that is itself a group's centre stays drawn: its group would have nothing to hang on.
  for (const g of groups) folded.delete(g.entity);
  return { groups, folded };
}
