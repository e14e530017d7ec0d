import neo4j from 'neo4j-driver';
import { generateArticles } from '../../../bench/generate';
import { loadArticles } from '../../../ingest/pipeline';
import { encodeCursor } from '../../../src/compiler/arguments/cursor';
import type { Database } from '../../../src/core/database';
import { EVENT_WALK } from '../../../src/compiler/fields/stances';
import { FACT_TYPES } from '../../../src/core/vocabulary';
import { testDatabase } from '../../support/database';
import { type Api, dataOf, seedCorpus, startApi } from './support';

/**
 * The bounded forms of neighborhood (ring by ring, stopping at `first`; a ring sorts by id only the
 * entities named up to the cut), stances (from the actor; with actionBy, only the earliest events a list
 * page can reach) and timeline (only the events dated up to the first-th date sorted by name) give the same
 * answers as the unbounded statements they replaced, written out here as they were: on the seed corpus and a small synthetic graph
 * with hubs (bench/generate.ts), for every page size that cuts a ring or a date group short.
 */

let db: Database;
let api: Api;

beforeAll(async () => {
  db = testDatabase();
  await seedCorpus(db);
  const synthetic = [...generateArticles({ facts: 1500, factsPerArticle: 150, seed: 7 })];
  const { outcomes } = await loadArticles(db, synthetic);
  expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
  api = await startApi(db);
}, 240_000);
afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const FACTS = FACT_TYPES.join('|');

/** The neighborhood statement before the bound: every path of the depth, then the nearest `first`. */
async function referenceNeighborhood(id: string, depth: 1 | 2 | 3, first: number) {
  const [row] = await db.read<{ nodes: string[]; edges: [string, string][] }>(
    `OPTIONAL MATCH (c:Entity {id: $id})
     OPTIONAL MATCH p = (c)-[:${FACTS}*1..${depth}]-(n:Entity) WHERE n <> c
     WITH c, n, min(length(p)) AS hops ORDER BY hops, n.name, n.id
     WITH c, collect(n)[0..$near] AS near
     WITH CASE WHEN c IS NULL THEN [] ELSE [c] + near END AS nodes
     CALL (nodes) {
       UNWIND nodes AS a MATCH (a)-[r:${FACTS}]->(b:Entity) WHERE b IN nodes
       RETURN collect([coalesce(r.key, elementId(r)), type(r) + ' ' + a.id + ' ' + b.id]) AS edges
     }
     RETURN [n IN nodes | n.id] AS nodes, edges`,
    { id, near: neo4j.int(first - 1) },
  );
  return { nodes: row!.nodes, edges: factsInOrder(row!.edges).sort() };
}

/** One edge per fact (its first relationship's type and ends), in the order the rows give them. */
function factsInOrder(rows: [string, string][]): string[] {
  const seen = new Map<string, string>();
  for (const [fact, edge] of rows) if (!seen.has(fact)) seen.set(fact, edge);
  return [...seen.values()];
}

/** The edges of the statement before the bound, unsorted: each node's relationships in the nodes' order. */
async function referenceEdgeOrder(id: string, depth: 1 | 2, first: number): Promise<string[]> {
  const { nodes } = await referenceNeighborhood(id, depth, first);
  const [row] = await db.read<{ edges: [string, string][] }>(
    `MATCH (n:Entity) WHERE n.id IN $ids
     WITH collect(n) AS found
     WITH [id IN $ids | [n IN found WHERE n.id = id][0]] AS nodes
     UNWIND nodes AS a MATCH (a)-[r:${FACTS}]->(b:Entity) WHERE b IN nodes
     RETURN collect([coalesce(r.key, elementId(r)), type(r) + ' ' + a.id + ' ' + b.id]) AS edges`,
    { ids: nodes },
  );
  return factsInOrder(row!.edges);
}

async function apiNeighborhood(id: string, depth: number, first: number) {
  const data = dataOf(
    await api.query(
      `query($id: ID!, $depth: Int!, $first: Int!) {
        neighborhood(id: $id, depth: $depth, first: $first) { nodes { id } edges { type from to } } }`,
      { id, depth, first },
    ),
  );
  const n = data.neighborhood as { nodes: { id: string }[]; edges: { type: string; from: string; to: string }[] };
  return { nodes: n.nodes.map((x) => x.id), edges: n.edges.map((e) => `${e.type} ${e.from} ${e.to}`).sort() };
}

/** The stances statement before the bound, by id: every stance on the entity's events, then the page. */
async function referenceStances(by: { actionBy?: string; actor?: string }, offset: number, first: number) {
  const source = by.actionBy
    ? `MATCH (by:Entity {id: $actionBy})
       CALL (by) {
         MATCH (by)-[:INITIATED]->(e:Event) RETURN e
         UNION
         MATCH (by)<-[:HOLDS_ROLE]-(:Entity)-[:INITIATED]->(e:Event) RETURN e
       }
       MATCH (a:Entity)-[s:OPPOSED]->(e:Entity)`
    : `MATCH (a:Entity)-[s:OPPOSED]->(e:Entity) WHERE a.id = $actor`;
  const [row] = await db.read<{ rows: string[] }>(
    `${source}
     WITH a, s, e ORDER BY e.date, a.name, a.id, e.name, e.id SKIP $offset LIMIT $first
     RETURN collect(a.id + ' ' + e.id) AS rows`,
    { actionBy: by.actionBy ?? null, actor: by.actor ?? null, offset: neo4j.int(offset), first: neo4j.int(first) },
  );
  return row!.rows;
}

async function apiStances(by: { actionBy?: string; actor?: string }, offset: number, first: number) {
  const data = dataOf(
    await api.query(
      `query($actionBy: String, $actor: String, $first: Int!, $after: String) {
        stances(kind: OPPOSED, actionBy: $actionBy, actor: $actor, first: $first, after: $after) {
          actor { id } target { id } } }`,
      { ...by, first, after: offset > 0 ? encodeCursor(offset) : null },
    ),
  );
  return (data.stances as { actor: { id: string }; target: { id: string } }[]).map(
    (s) => `${s.actor.id} ${s.target.id}`,
  );
}

/**
 * Which way the stances statement finds the earliest events of an actionBy entity for a page needing
 * `needed` rows (the rule of EVENT_WALK, written out): its events are too few a share of all events to be
 * walked in date order; or the walk finds `needed` of them with a stance; or it gives up and the entity's
 * own events are read.
 */
async function eventWalk(id: string, needed: number): Promise<'not walked' | 'cut found' | 'gave up'> {
  const [row] = await db.read<{ estimate: number; events: number; found: number }>(
    `OPTIONAL MATCH (by:Entity {id: $id})
     CALL (by) {
       WITH by WHERE by IS NOT NULL RETURN by AS i
       UNION
       MATCH (by)<-[:HOLDS_ROLE]-(h:Entity) RETURN h AS i
     }
     WITH collect(i) AS initiators, sum(COUNT { (i)-[:INITIATED]->() }) AS estimate
     CALL (initiators) {
       MATCH (e:Event) WHERE e.date IS NOT NULL
       WITH initiators, e ORDER BY e.date LIMIT $budget
       WHERE EXISTS { (e)<-[:INITIATED]-(i) WHERE i IN initiators } AND EXISTS { (:Entity)-[:OPPOSED]->(e) }
       RETURN count(*) AS found
     }
     RETURN estimate, COUNT { (:Event) } AS events, found`,
    { id, budget: neo4j.int(EVENT_WALK.perRow * needed) },
  );
  if (Number(row!.estimate) * EVENT_WALK.share < Number(row!.events)) return 'not walked';
  return Number(row!.found) >= needed ? 'cut found' : 'gave up';
}

describe('bounded neighborhood', () => {
  const centres = ['eric-garcetti', 'department-of-justice', 'jeff-sessions', 'person-5', 'los-angeles', 'nobody'];
  it.each(centres)('matches every path up to depth 2 around %s, at every cut of the rings', async (id) => {
    for (const depth of [1, 2] as const) {
      for (const first of [1, 2, 3, 5, 8, 13, 30, 100]) {
        const expected = await referenceNeighborhood(id, depth, first);
        expect({ depth, first, ...(await apiNeighborhood(id, depth, first)) }).toEqual({ depth, first, ...expected });
      }
    }
  });

  it.each(['department-of-justice', 'person-5', 'eric-garcetti'])(
    "gives the edges around %s in the walk order: each node's relationships, nodes in their order",
    async (id) => {
      for (const depth of [1, 2] as const) {
        for (const first of [5, 30, 100]) {
          const data = dataOf(
            await api.query(
              `query($id: ID!, $depth: Int!, $first: Int!) {
                neighborhood(id: $id, depth: $depth, first: $first) { edges { type from to } } }`,
              { id, depth, first },
            ),
          );
          const edges = (data.neighborhood as { edges: { type: string; from: string; to: string }[] }).edges.map(
            (e) => `${e.type} ${e.from} ${e.to}`,
          );
          expect({ depth, first, edges }).toEqual({ depth, first, edges: await referenceEdgeOrder(id, depth, first) });
        }
      }
    },
  );

  it('matches at depth 3 too', async () => {
    for (const id of ['eric-garcetti', 'person-5']) {
      for (const first of [2, 10, 40, 100]) {
        const expected = await referenceNeighborhood(id, 3, first);
        expect({ id, first, ...(await apiNeighborhood(id, 3, first)) }).toEqual({ id, first, ...expected });
      }
    }
  });

  it('gives a real walk: the hub has more neighbours than a page, and a ring 2 appears for a small node', async () => {
    expect((await apiNeighborhood('department-of-justice', 1, 100)).nodes.length).toBe(100);
    const small = await referenceNeighborhood('person-5', 1, 100);
    const two = await apiNeighborhood('person-5', 2, 100);
    expect(two.nodes.length).toBeGreaterThan(small.nodes.length);
  });
});

/** The timeline statement before the bound: every event of the entity sorted by date, name and id. */
async function referenceTimeline(id: string, first: number) {
  const [row] = await db.read<{ ids: string[] }>(
    `CALL {
       MATCH (:Entity {id: $id})-[:INITIATED|OPPOSED|SUPPORTED]->(e:Event) RETURN e
       UNION
       MATCH (:Entity {id: $id})<-[:TARGETS|CONCERNS]-(e:Event) RETURN e
       UNION
       MATCH (:Entity {id: $id})<-[:PART_OF|HOLDS_ROLE]-(:Entity)-[:INITIATED]->(e:Event) RETURN e
     }
     WITH e ORDER BY e.date, e.name, e.id LIMIT $first
     RETURN collect(e.id) AS ids`,
    { id, first: neo4j.int(first) },
  );
  return row!.ids;
}

describe('bounded timeline', () => {
  const entities = [
    'jeff-sessions',
    'department-of-justice',
    'eric-garcetti',
    'bernalillo-county',
    'person-5',
    'nobody',
  ];
  it.each(entities)('matches every event sorted by date, name and id for %s, at every cut of a date', async (id) => {
    for (const first of [1, 2, 3, 5, 8, 13, 30, 100]) {
      const data = dataOf(
        await api.query(`query($id: ID!, $first: Int!) { timeline(id: $id, first: $first) { id } }`, { id, first }),
      );
      const ids = (data.timeline as { id: string }[]).map((e) => e.id);
      expect({ first, ids }).toEqual({ first, ids: await referenceTimeline(id, first) });
    }
  });

  it('cuts something: the hub has more events than the largest page', async () => {
    expect(await referenceTimeline('department-of-justice', 100)).toHaveLength(100);
  });
});

/** The actionBy entities and the pages (offset, first) the bounded stances are compared on. */
const ACTION_BY = ['department-of-justice', 'jeff-sessions', 'ice', 'los-angeles', 'nobody'];
const ACTION_BY_PAGES = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 7],
  [0, 50],
  [0, 100],
  [1, 1],
  [3, 4],
  [10, 10],
  [40, 25],
] as const;

describe('bounded stances', () => {
  it('actionBy: the same pages as every stance on the events, for pages that cut date groups', async () => {
    for (const actionBy of ACTION_BY) {
      for (const [offset, first] of ACTION_BY_PAGES) {
        const expected = await referenceStances({ actionBy }, offset, first);
        expect({ actionBy, offset, first, rows: await apiStances({ actionBy }, offset, first) }).toEqual({
          actionBy,
          offset,
          first,
          rows: expected,
        });
      }
    }
    // The comparison means something: the hub's events carry more stances than the largest page.
    expect((await referenceStances({ actionBy: 'department-of-justice' }, 0, 100)).length).toBe(100);
  });

  it('actionBy: the pages compared take each way to the earliest events (the date walk, its give-up, the entity)', async () => {
    const ways = new Map<string, string[]>();
    for (const actionBy of ACTION_BY) {
      for (const [offset, first] of ACTION_BY_PAGES) {
        const way = await eventWalk(actionBy, offset + first);
        ways.set(way, [...(ways.get(way) ?? []), `${actionBy} ${offset + first}`]);
      }
    }
    expect([...ways.keys()].sort()).toEqual(['cut found', 'gave up', 'not walked']);
    // The soak's page (the first 50 around the hub) is found by the walk.
    expect(await eventWalk('department-of-justice', 50)).toBe('cut found');
  });

  it('actor: the same pages as a filter over every stance of the kind', async () => {
    for (const actor of ['eric-garcetti', 'department-of-justice', 'person-5', 'california', 'nobody']) {
      for (const [offset, first] of [
        [0, 1],
        [0, 5],
        [2, 3],
        [0, 100],
      ] as const) {
        const expected = await referenceStances({ actor }, offset, first);
        expect({ actor, offset, first, rows: await apiStances({ actor }, offset, first) }).toEqual({
          actor,
          offset,
          first,
          rows: expected,
        });
      }
    }
  });

  it('a list page equals the same page of the (unbounded) connection', async () => {
    const data = dataOf(
      await api.query(`{ stancesConnection(kind: OPPOSED, actionBy: "Department of Justice", first: 20) {
        edges { node { actor { id } target { id } } } } }`),
    );
    const connection = (
      data.stancesConnection as { edges: { node: { actor: { id: string }; target: { id: string } } }[] }
    ).edges.map((e) => `${e.node.actor.id} ${e.node.target.id}`);
    expect(connection).toHaveLength(20);
    expect(await apiStances({ actionBy: 'Department of Justice' }, 0, 20)).toEqual(connection);
  });
});
