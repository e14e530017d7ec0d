import { describeDifference, edgeKeys, judge, type GateAnswer } from '../../../bench/equivalence';
import { benchQueries, type QueryParams } from '../../../bench/queries';
import type { Impl } from '../../../bench/results';

const params: QueryParams = {
  actionBy: 'Department of Justice',
  timelineId: 'jeff-sessions',
  neighborhoodId: 'person-200',
  pathFrom: 'person-200',
  pathTo: 'jeff-sessions',
  nestedEventId: 'event-0',
  searchText: 'justice',
};
const query = (name: string) => benchQueries(params).find((q) => q.name === name)!;
const same = (items: string[], edges: string[] = []): GateAnswer => ({ normalized: { items, edges } });
const answers = (ours: GateAnswer, neo4jGraphql: GateAnswer, raw: GateAnswer): Record<Impl, GateAnswer> => ({
  ours,
  neo4jGraphql,
  raw,
});

describe('the equivalence gate', () => {
  it('agrees when the three normal forms are equal, and reports the agreed sizes', () => {
    const a = same(['a', 'b'], ['X:a>b#1']);
    expect(judge(answers(a, a, a))).toEqual({ agree: true, differences: [], items: 2, edges: 1 });
  });

  it('differs on another order of items, naming the side and the first position', () => {
    const verdict = judge(answers(same(['a', 'b']), same(['b', 'a']), same(['a', 'b'])));
    expect(verdict.agree).toBe(false);
    expect(verdict.differences).toEqual(['neo4jGraphql: items[0] is b, expected a']);
  });

  it('differs on a missing edge but not on another order of edges', () => {
    const ours = same(['a'], edgeKeys(['X:a>b#1', 'Y:b>c#2']));
    const reordered = same(['a'], edgeKeys(['Y:b>c#2', 'X:a>b#1']));
    const short = same(['a'], ['X:a>b#1']);
    const verdict = judge(answers(ours, reordered, short));
    expect(verdict.agree).toBe(false);
    expect(verdict.differences).toEqual(['raw: 1 edges, expected 2', 'raw: missing edges Y:b>c#2']);
  });

  it('counts a failed implementation as a disagreement, with its message', () => {
    const verdict = judge(answers(same(['a']), { error: 'Unknown field' }, same(['a'])));
    expect(verdict).toMatchObject({ agree: false, differences: ['neo4jGraphql: failed: Unknown field'] });
  });

  it('lists extra and missing ids, at most three of each', () => {
    const lines = describeDifference(
      'raw',
      { items: ['a'], edges: [] },
      { items: ['a', 'b', 'c', 'd', 'e'], edges: [] },
    );
    expect(lines).toEqual([
      'raw: 5 items, expected 1',
      'raw: items[1] is b, expected absent',
      'raw: extra items b, c, d (+1)',
    ]);
  });
});

describe('the normal forms of the benchmark rows', () => {
  it('reduce the three shapes of a neighborhood to the same nodes and edges', () => {
    const q = query('neighborhood d1');
    const nodes = [
      { id: 'person-200', name: 'P' },
      { id: 'event-1', name: 'E' },
    ];
    const ours = q.normalize.ours({
      neighborhood: {
        nodes,
        edges: [{ type: 'OPPOSED', from: 'person-200', to: 'event-1', evidence: [{ quote: 'q' }] }],
      },
    });
    const peer = q.normalize.neo4jGraphql({
      neighborhood1: { nodes, edges: [{ type: 'OPPOSED', from: 'person-200', to: 'event-1', quotes: ['q'] }] },
    });
    const raw = q.normalize.raw([
      { subgraph: { nodes, edges: [{ type: 'OPPOSED', from: 'person-200', to: 'event-1', quotes: ['q'] }] } },
    ]);
    expect(ours).toEqual({ items: ['person-200', 'event-1'], edges: ['OPPOSED:person-200>event-1#1'] });
    expect(peer).toEqual(ours);
    expect(raw).toEqual(ours);
  });

  it('keep the evidence count of a stance, so a stance with fewer quotes is a difference', () => {
    const q = query('stances OPPOSED by DOJ');
    const ours = q.normalize.ours({
      stances: [{ actor: { id: 'a' }, target: { id: 'e' }, evidence: [{ quote: 'x' }, { quote: 'y' }] }],
    });
    const raw = q.normalize.raw([{ stance: { actorId: 'a', eventId: 'e', quotes: ['x'] } }]);
    expect(ours.items).toEqual(['a>e#2']);
    expect(judge(answers({ normalized: ours }, { normalized: ours }, { normalized: raw })).differences).toEqual([
      'raw: items[0] is a>e#1, expected a>e#2',
      'raw: missing items a>e#2',
      'raw: extra items a>e#1',
    ]);
  });

  it('read the nested row from the service object, the peer connections and the raw maps alike', () => {
    const q = query('nested 3-level');
    const ours = q.normalize.ours({
      entity: {
        opposedBy: [
          {
            actor: {
              name: 'Ann',
              roles: [{ title: 'Mayor', organization: { name: 'LA' }, evidence: [{ quote: 'q' }] }],
            },
            evidence: [{ quote: 'o' }],
          },
        ],
      },
    });
    const peer = q.normalize.neo4jGraphql({
      events: [
        {
          opposedByConnection: {
            edges: [
              {
                properties: { evidenceQuotes: ['o'] },
                node: {
                  name: 'Ann',
                  rolesConnection: {
                    edges: [{ properties: { title: 'Mayor', evidenceQuotes: ['q'] }, node: { name: 'LA' } }],
                  },
                },
              },
            ],
          },
        },
      ],
    });
    const raw = q.normalize.raw([
      { opposedBy: [{ name: 'Ann', quotes: ['o'], roles: [{ title: 'Mayor', org: 'LA', quotes: ['q'] }] }] },
    ]);
    expect(ours.items).toEqual(['Ann#1|Mayor@LA#1']);
    expect(peer).toEqual(ours);
    expect(raw).toEqual(ours);
  });

  it('treat an empty or missing answer as no items, never as a crash', () => {
    for (const q of benchQueries(params)) {
      expect(q.normalize.ours(null)).toEqual({ items: q.name === 'lookup by id' ? ['∅'] : [], edges: [] });
      expect(q.normalize.raw([])).toEqual({ items: [], edges: [] });
    }
  });
});
