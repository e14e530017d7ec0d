import {
  findGroups,
  GROUP_ABOVE,
  GROUP_SHOWN,
  groupLabel,
  type GroupableGraph,
} from '../../../web/src/explore/graph-groups';

type Graph = GroupableGraph & {
  nodes: Map<string, { name: string }>;
  edges: Map<string, { from: string; to: string; type: string }>;
};

/** Large neighbourhoods fold into groups by relationship type and direction (graph-groups.ts). */
describe('findGroups', () => {
  /** A hub with `n` OPPOSED targets (named t00, t01, …) and two SUPPORTED ones. */
  function hub(n: number): Graph {
    const nodes = new Map([['hub', { name: 'Hub' }]]);
    const edges = new Map<string, { from: string; to: string; type: string }>();
    const add = (to: string, type: string) => {
      nodes.set(to, { name: `Name ${to}` });
      edges.set(`hub|${type}|${to}`, { from: 'hub', to, type });
    };
    // Added in reverse, so the order of the answer is not the order of the names.
    for (let i = n - 1; i >= 0; i--) add(`t${String(i).padStart(2, '0')}`, 'OPPOSED');
    add('s1', 'SUPPORTED');
    add('s2', 'SUPPORTED');
    return { nodes, edges };
  }

  it(`leaves ${GROUP_ABOVE} neighbours of one type drawn`, () => {
    expect(findGroups(hub(GROUP_ABOVE), new Set(['hub']), new Set()).groups).toEqual([]);
  });

  it(`folds all but the first ${GROUP_SHOWN} by name above ${GROUP_ABOVE}, per type and direction`, () => {
    const { groups, folded } = findGroups(hub(42 + GROUP_SHOWN), new Set(['hub']), new Set());
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g).toMatchObject({ id: 'group|hub|OPPOSED|out', entity: 'hub', type: 'OPPOSED', direction: 'out' });
    expect(groupLabel(g!)).toBe('42 more OPPOSED →');
    // t00..t04 are drawn, the rest folded; the two SUPPORTED are not a group.
    expect(g!.members[0]).toBe('t05');
    expect(folded.has('t04')).toBe(false);
    expect(folded.has('t46')).toBe(true);
    expect(folded.has('s1')).toBe(false);
  });

  it('never folds the kept entities, and leaves an unfolded group drawn', () => {
    const graph = hub(20);
    expect(findGroups(graph, new Set(['hub', 't19']), new Set()).folded.has('t19')).toBe(false);
    expect(findGroups(graph, new Set(['hub']), new Set(['group|hub|OPPOSED|out'])).groups).toEqual([]);
  });

  it('groups incoming relationships at their target, arrow first', () => {
    const graph = hub(0);
    for (let i = 0; i < 15; i++) {
      graph.nodes.set(`p${i}`, { name: `P ${i}` });
      graph.edges.set(`p${i}|OPPOSED|s1`, { from: `p${i}`, to: 's1', type: 'OPPOSED' });
    }
    const { groups } = findGroups(graph, new Set(['hub']), new Set());
    expect(groups.map(groupLabel)).toEqual([`← ${15 - GROUP_SHOWN} more OPPOSED`]);
  });
});
