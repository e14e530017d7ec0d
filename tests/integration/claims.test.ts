import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AnnotationInput } from '../../ingest/annotation/format';
import { separateEventId } from '../../ingest/event-agreement';
import { ingestPaths, retractArticles } from '../../ingest/pipeline';
import { encodeCursor } from '../../src/compiler/arguments/cursor';
import { retractArticle } from '../../ingest/write-plan';
import type { Database } from '../../src/core/database';
import { createLogger } from '../../src/core/logger';
import { silentProgress } from '../../src/core/progress';
import { startApp, type RunningApp } from '../../src/server/app';
import { clearGraph, testConfig, testDatabase } from '../support/database';
import { graphql } from '../support/http';

/**
 * Curated facts are never changed by extracted ones (docs/provenance.md): the five curated seeds, then two
 * extracted articles built here (not by the extractor, whose output changes), then their retraction.
 */

const LAWSUITS = 'sanctuary-cities-executive-order-lawsuits-2017';
const CURATED_NAME = 'Sanctuary cities, including Los Angeles, sue over the executive order';

let db: Database;
let app: RunningApp;
let dir: string;

/** Every node and relationship with all its properties (ingestedAt and the change log aside), keyed by a stable identity. */
async function graphState(): Promise<{ nodes: Map<string, string>; rels: Map<string, string> }> {
  const [row] = await db.read<{ ns: Record<string, unknown>[]; rs: Record<string, unknown>[] }>(`
    CALL { MATCH (n) WHERE NOT (n:_Migration OR n:Change OR n:ChangeCounter)
           RETURN collect(n {.*, labels: labels(n)}) AS ns }
    CALL { MATCH (x)-[r]->(y)
           RETURN collect(r {.*, type: type(r), from: coalesce(x.id, ''), to: coalesce(y.id, '')}) AS rs }
    RETURN ns, rs`);
  const json = (x: Record<string, unknown>): string =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(x)
          .filter(([k]) => k !== 'ingestedAt')
          .sort(),
      ),
    );
  const nodes = new Map<string, string>();
  for (const n of row!.ns) nodes.set(`${(n.labels as string[]).sort().join(':')}|${String(n.id)}`, json(n));
  const rels = new Map<string, string>();
  for (const r of row!.rs) {
    const id = [r.type, r.from, r.to, r.key ?? '', r.origin ?? ''].join('|');
    expect(rels.has(id)).toBe(false); // the identity is unique, so the comparison below misses nothing
    rels.set(id, json(r));
  }
  return { nodes, rels };
}

function sorted(state: { nodes: Map<string, string>; rels: Map<string, string> }) {
  return { nodes: [...state.nodes].sort(), rels: [...state.rels].sort() };
}

const TEXT_A = [
  'Los Angeles and the Justice Department went to court on Aug. 14, 2017 over the sanctuary cities order.',
  'The City of Los Angeles sued the Trump administration over the order.',
  'The Justice Department joined the lawsuit, a spokesman said.',
].join('\n');

/** (a): reuses the curated lawsuit with another date and extra initiators, and agrees with it (a shared actor). */
const ANNOTATION_A: AnnotationInput = {
  article: { file: 'x-join.txt', id: 'x-join', title: 'Los Angeles in court', published: '2017-08-15' },
  origin: 'extracted',
  entities: [
    { id: 'los-angeles', kind: 'jurisdiction', name: 'City of Los Angeles', mention: 'The City of Los Angeles' },
    { id: 'department-of-justice', kind: 'agency', name: 'Justice Department', aliases: ['the Justice Department'] },
    { id: 'trump-administration', kind: 'agency', name: 'Trump administration' },
    { id: 'x-spokesman', kind: 'person', name: 'Unnamed spokesman', mention: 'a spokesman', confidence: 0.4 },
  ],
  events: [
    {
      id: LAWSUITS,
      type: 'lawsuit',
      name: 'Los Angeles sues over the sanctuary cities order',
      date: '2017-08-14',
      by: ['los-angeles', 'department-of-justice'],
      targets: ['trump-administration'],
      quotes: ['The City of Los Angeles sued the Trump administration over the order.'],
      confidence: 0.6,
    },
  ],
  stances: [
    {
      actor: 'x-spokesman',
      kind: 'SUPPORTED',
      target: LAWSUITS,
      quote: 'The Justice Department joined the lawsuit, a spokesman said.',
      confidence: 0.5,
    },
  ],
};

const TEXT_B = [
  'The Justice Department sued California on March 6, 2018 over its sanctuary laws.',
  'Attorney General Jeff Sessions announced the suit in Sacramento.',
].join('\n');

/** Reuses the curated lawsuit's id for another lawsuit (another year, no shared party), and (b) adds a new event. */
const ANNOTATION_B: AnnotationInput = {
  article: { file: 'x-separate.txt', id: 'x-separate', title: 'DOJ sues California', published: '2018-03-07' },
  origin: 'extracted',
  entities: [
    { id: 'department-of-justice', kind: 'agency', name: 'Justice Department' },
    { id: 'x-california', kind: 'jurisdiction', name: 'California', type: 'state' },
    { id: 'jeff-sessions', kind: 'person', name: 'Jeff Sessions' },
  ],
  events: [
    {
      id: LAWSUITS,
      type: 'lawsuit',
      name: 'The Justice Department sues California',
      date: '2018-03-06',
      by: ['department-of-justice'],
      targets: ['x-california'],
      quotes: ['The Justice Department sued California on March 6, 2018 over its sanctuary laws.'],
      confidence: 0.7,
    },
    {
      id: 'x-sessions-announces-suit-2018-03-06',
      type: 'announcement',
      name: 'Sessions announces the suit against California',
      date: '2018-03-06',
      by: ['jeff-sessions'],
      targets: ['x-california'],
      quotes: ['Attorney General Jeff Sessions announced the suit in Sacramento.'],
      confidence: 0.7,
    },
  ],
};

async function writeArticle(text: string, annotation: AnnotationInput): Promise<void> {
  await writeFile(join(dir, annotation.article.file), `${text}\n`);
  await writeFile(join(dir, annotation.article.file.replace(/\.txt$/, '.yaml')), stringify(annotation));
}

async function query(source: string, variables: Record<string, unknown> = {}) {
  const { body } = await graphql(app.url, source, variables);
  expect(body.errors).toBeUndefined();
  return body.data as Record<string, unknown>;
}

let curatedOnly: Awaited<ReturnType<typeof graphState>>;
let withExtracted: Awaited<ReturnType<typeof graphState>>;

beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
  const seeds = await ingestPaths(db, [], { progress: silentProgress });
  expect(seeds.totals.articles.created).toBe(5);
  curatedOnly = await graphState();
  app = await startApp({
    config: testConfig(),
    db,
    logger: createLogger({ env: 'test', level: 'silent' }),
  });
  dir = await mkdtemp(join(tmpdir(), 'claims-'));
  await writeArticle(TEXT_A, ANNOTATION_A);
  await writeArticle(TEXT_B, ANNOTATION_B);
  const summary = await ingestPaths(db, [dir], { progress: silentProgress });
  expect(summary.outcomes.map((o) => [o.file, o.status, o.origin, o.error])).toEqual([
    ['x-join.txt', 'created', 'extracted', undefined],
    ['x-separate.txt', 'created', 'extracted', undefined],
  ]);
  withExtracted = await graphState();
});
afterAll(async () => {
  await app.stop();
  await clearGraph(db);
  await db.close();
});

describe('extracted articles over the curated seeds', () => {
  it('leave every curated node property and every curated relationship as it was', () => {
    const changed = [...curatedOnly.nodes].filter(([id, props]) => withExtracted.nodes.get(id) !== props);
    expect(changed).toEqual([]);
    const changedRels = [...curatedOnly.rels].filter(([id, props]) => withExtracted.rels.get(id) !== props);
    expect(changedRels).toEqual([]);
    // ...while they did add to the graph, so the comparison is not of two equal graphs.
    expect(withExtracted.nodes.size).toBeGreaterThan(curatedOnly.nodes.size);
    expect(withExtracted.rels.size).toBeGreaterThan(curatedOnly.rels.size);
  });

  it('shows the curated value and, beside it, the disagreeing extracted claims through the API', async () => {
    const data = await query(
      `query ($id: ID!) {
        entity(id: $id) {
          name
          ... on Event { date eventType }
          conflicts { property value values claims { value origin quote confidence article { id } } }
          claims(first: 50) { property value origin article { id } }
        }
      }`,
      { id: LAWSUITS },
    );
    const event = data.entity as {
      name: string;
      date: string;
      conflicts: { property: string; value: string; values: string[]; claims: Record<string, unknown>[] }[];
      claims: { property: string; value: string; origin: string; article: { id: string } }[];
    };
    expect(event.name).toBe(CURATED_NAME);
    expect(event.date).toBe('2017');
    expect(event.conflicts.map((c) => c.property)).toEqual(['date', 'name']);
    const date = event.conflicts.find((c) => c.property === 'date')!;
    expect(date.value).toBe('2017');
    expect(date.values).toEqual(['2017', '2017-08-14']);
    expect(date.claims).toEqual([
      {
        value: '2017',
        origin: 'CURATED',
        quote: 'This prompted lawsuits against the administration from various sanctuary cities, including LA.',
        confidence: 1,
        article: { id: '004_7eba275eeb4bf9d5' },
      },
      {
        value: '2017-08-14',
        origin: 'EXTRACTED',
        quote: 'The City of Los Angeles sued the Trump administration over the order.',
        confidence: 0.6,
        article: { id: 'x-join' },
      },
    ]);
    // The disagreeing article's claims are on its own event, not on this one.
    expect(event.claims.map((c) => c.article.id)).not.toContain('x-separate');
    expect(event.claims.filter((c) => c.property === 'eventType').map((c) => c.origin)).toEqual([
      'CURATED',
      'EXTRACTED',
    ]);

    const city = (await query(`{ entity(id: "los-angeles") { name conflicts { property values } } }`)).entity as {
      name: string;
      conflicts: { property: string; values: string[] }[];
    };
    expect(city.name).toBe('Los Angeles');
    expect(city.conflicts).toEqual([{ property: 'name', values: ['City of Los Angeles', 'Los Angeles'] }]);
  });

  it('joins the agreeing extracted event: a restated initiator once, curated, and the extra one extracted', async () => {
    const data = await query(
      `query ($id: ID!) {
        entity(id: $id) {
          ... on Event {
            initiatedBy(first: 20) { entity { id } origin sourceCount evidence { article { id } } }
            supportedBy { actor { id } origin sourceCount }
          }
        }
      }`,
      { id: LAWSUITS },
    );
    const event = data.entity as {
      initiatedBy: {
        entity: { id: string };
        origin: string;
        sourceCount: number;
        evidence: { article: { id: string } }[];
      }[];
      supportedBy: { actor: { id: string }; origin: string; sourceCount: number }[];
    };
    const links = event.initiatedBy.map((l) => [l.entity.id, l.origin, l.sourceCount]).sort();
    expect(links).toEqual(
      [
        ['department-of-justice', 'EXTRACTED', 1],
        ['los-angeles', 'CURATED', 2],
        ['sanctuary-jurisdictions', 'CURATED', 1],
      ].sort(),
    );
    const articlesOf = (id: string) => [
      ...new Set(event.initiatedBy.find((l) => l.entity.id === id)!.evidence.map((e) => e.article.id)),
    ];
    // Both sources' evidence on the one item, curated first.
    expect(articlesOf('los-angeles')).toEqual(['004_7eba275eeb4bf9d5', 'x-join']);
    expect(articlesOf('department-of-justice')).toEqual(['x-join']);
    expect(articlesOf('sanctuary-jurisdictions')).toEqual(['004_7eba275eeb4bf9d5']);
    expect(event.supportedBy).toEqual([{ actor: { id: 'x-spokesman' }, origin: 'EXTRACTED', sourceCount: 1 }]);
  });

  it('makes the disagreeing extracted event an event of its own, and the new event too', async () => {
    const separate = separateEventId(LAWSUITS, 'x-separate');
    const data = await query(
      `query ($separate: ID!) {
        separate: entity(id: $separate) {
          name
          ... on Event { date initiatedBy { entity { id } origin } targets { entity { id } origin } }
          mentionedIn { id origin }
        }
        added: entity(id: "x-sessions-announces-suit-2018-03-06") {
          name
          ... on Event { date initiatedBy { entity { id } origin } }
        }
      }`,
      { separate },
    );
    expect(data.separate).toEqual({
      name: 'The Justice Department sues California',
      date: '2018-03-06',
      initiatedBy: [{ entity: { id: 'department-of-justice' }, origin: 'EXTRACTED' }],
      targets: [{ entity: { id: 'x-california' }, origin: 'EXTRACTED' }],
      mentionedIn: [{ id: 'x-separate', origin: 'EXTRACTED' }],
    });
    expect(data.added).toEqual({
      name: 'Sessions announces the suit against California',
      date: '2018-03-06',
      initiatedBy: [{ entity: { id: 'jeff-sessions' }, origin: 'EXTRACTED' }],
    });
  });

  it('rewrites a changed extracted article to the same graph once it is put back', async () => {
    const changed = structuredClone(ANNOTATION_B);
    changed.events![0]!.date = '2018-03';
    await writeArticle(TEXT_B, changed);
    const updated = await ingestPaths(db, [join(dir, 'x-separate.txt')], { progress: silentProgress });
    expect(updated.outcomes.map((o) => o.status)).toEqual(['updated']);
    await writeArticle(TEXT_B, ANNOTATION_B);
    const restored = await ingestPaths(db, [join(dir, 'x-separate.txt')], { progress: silentProgress });
    expect(restored.outcomes.map((o) => o.status)).toEqual(['updated']);
    expect(sorted(await graphState())).toEqual(sorted(withExtracted));
  });
});

const STEBBINS = 'maggie-hart-stebbins';
const COUNTY_POLICY = 'bernalillo-county-sanctuary-policy';
const CURATED_STANCE_QUOTE =
  '“Individual employees do not have the freedom to pick and choose what they want to observe.”';
const RESTATED_QUOTE = 'Commissioner Maggie Hart Stebbins backed the county policy again on Tuesday.';

/** An extracted article that only restates a curated stance, in its own words. */
const ANNOTATION_C: AnnotationInput = {
  article: { file: 'x-restate.txt', id: 'x-restate', title: 'Stebbins backs the policy', published: '2018-05-02' },
  origin: 'extracted',
  entities: [
    { id: STEBBINS, kind: 'person', name: 'Maggie Hart Stebbins' },
    { id: COUNTY_POLICY, kind: 'program', name: 'Bernalillo County sanctuary policy (2017)' },
  ],
  stances: [{ actor: STEBBINS, kind: 'SUPPORTED', target: COUNTY_POLICY, quote: RESTATED_QUOTE, confidence: 0.7 }],
};

/** Every list the restated stance is in: nested fields, the paginated root list and connection, a subgraph. */
async function stanceViews() {
  const data = await query(
    `query ($actor: String!, $actorId: ID!, $target: ID!, $after: String) {
      list: stances(kind: SUPPORTED, actor: $actor, first: 50) { target { id } origin sourceCount evidence { quote } }
      page: stances(kind: SUPPORTED, actor: $actor, first: 1) { target { id } }
      rest: stances(kind: SUPPORTED, actor: $actor, first: 50, after: $after) { target { id } }
      connection: stancesConnection(kind: SUPPORTED, actor: $actor, first: 1) {
        totalCount pageInfo { hasNextPage } edges { node { origin sourceCount } }
      }
      program: entity(id: $target) { ... on Program { supportedBy(first: 50) { actor { id } origin sourceCount } } }
      person: entity(id: $actorId) { ... on Person { stances(first: 50) { target { id } origin } } }
      route: path(from: $actorId, to: $target, maxHops: 1) { edges { type origin sourceCount evidence { quote } } }
      around: neighborhood(id: $actorId, depth: 1, first: 50) { edges { type from to origin sourceCount evidence { quote } } }
    }`,
    { actor: STEBBINS, actorId: STEBBINS, target: COUNTY_POLICY, after: encodeCursor(1) },
  );
  return data as {
    list: { target: { id: string }; origin: string; sourceCount: number; evidence: { quote: string }[] }[];
    page: { target: { id: string } }[];
    rest: { target: { id: string } }[];
    connection: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: unknown[] };
    program: { supportedBy: { actor: { id: string }; origin: string; sourceCount: number }[] };
    person: { stances: { target: { id: string }; origin: string }[] };
    route: { edges: { type: string; origin: string; sourceCount: number; evidence: unknown[] }[] };
    around: {
      edges: { type: string; from: string; to: string; origin: string; sourceCount: number; evidence: unknown[] }[];
    };
  };
}

describe('an extracted article restating a curated fact', () => {
  it('leaves the fact one item, curated, with both sources and both quotes, and every count as it was', async () => {
    const before = await stanceViews();
    const curatedItem = before.list.find((s) => s.target.id === COUNTY_POLICY)!;
    expect([curatedItem.origin, curatedItem.sourceCount]).toEqual(['CURATED', 1]);

    await writeArticle(RESTATED_QUOTE, ANNOTATION_C);
    const summary = await ingestPaths(db, [join(dir, 'x-restate.txt')], { progress: silentProgress });
    expect(summary.outcomes.map((o) => [o.status, o.origin])).toEqual([['created', 'extracted']]);
    // The restatement is stored as a relationship of its own (docs/provenance.md), so there is something to collapse.
    const [stored] = await db.read<{ origins: string[] }>(
      `MATCH (:Entity {id: $actor})-[r:SUPPORTED]->(:Entity {id: $target}) RETURN collect(r.origin) AS origins`,
      { actor: STEBBINS, target: COUNTY_POLICY },
    );
    expect([...stored!.origins].sort()).toEqual(['curated', 'extracted']);

    const after = await stanceViews();
    const items = after.list.filter((s) => s.target.id === COUNTY_POLICY);
    expect(items).toHaveLength(1);
    expect([items[0]!.origin, items[0]!.sourceCount]).toEqual(['CURATED', 2]);
    expect(items[0]!.evidence.map((e) => e.quote)).toEqual([CURATED_STANCE_QUOTE, RESTATED_QUOTE]);
    expect(after.program.supportedBy.filter((s) => s.actor.id === STEBBINS)).toEqual([
      { actor: { id: STEBBINS }, origin: 'CURATED', sourceCount: 2 },
    ]);
    const edges = after.around.edges.filter((e) => e.type === 'SUPPORTED' && e.to === COUNTY_POLICY);
    expect(edges.map((e) => [e.from, e.origin, e.sourceCount, e.evidence.length])).toEqual([
      [STEBBINS, 'CURATED', 2, 2],
    ]);
    expect(after.route.edges.map((e) => [e.type, e.origin, e.sourceCount, e.evidence.length])).toEqual([
      ['SUPPORTED', 'CURATED', 2, 2],
    ]);
    // Counts and pages are of facts: the same as with the curated source alone.
    expect(after.list.length).toBe(before.list.length);
    expect(after.page).toEqual(before.page);
    expect(after.rest).toEqual(before.rest);
    expect(after.connection.totalCount).toBe(before.connection.totalCount);
    expect(after.connection.pageInfo).toEqual(before.connection.pageInfo);
    expect(after.program.supportedBy.length).toBe(before.program.supportedBy.length);
    expect(after.person.stances).toEqual(before.person.stances);
    expect(after.around.edges.length).toBe(before.around.edges.length);

    const done = await retractArticles(db, ['x-restate']);
    expect(done.retracted).toEqual(['x-restate']);
    expect(await stanceViews()).toEqual(before);
  });
});

describe('retracting the extracted articles', () => {
  it('gives back the curated-only graph exactly, and a second retraction changes nothing', async () => {
    const done = await retractArticles(db, ['x-join', 'x-separate']);
    expect([done.retracted, done.missing]).toEqual([['x-join', 'x-separate'], []]);
    expect(done.counts.nodesDeleted).toBeGreaterThan(0);
    expect(sorted(await graphState())).toEqual(sorted(curatedOnly));
    expect((await retractArticles(db, ['x-join'])).missing).toEqual(['x-join']);
    const again = await db.writeTransaction((tx) => retractArticle(tx, 'x-join'));
    expect(again).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
    });
  });
});
