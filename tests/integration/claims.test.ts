import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AnnotationInput } from '../../ingest/annotation/format';
import { separateEventId } from '../../ingest/event-agreement';
import { ingestPaths, retractArticles } from '../../ingest/pipeline';
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

/** Every node and relationship with all its properties (ingestedAt aside), keyed by a stable identity. */
async function graphState(): Promise<{ nodes: Map<string, string>; rels: Map<string, string> }> {
  const [row] = await db.read<{ ns: Record<string, unknown>[]; rs: Record<string, unknown>[] }>(`
    CALL { MATCH (n) WHERE NOT n:_Migration
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
  app = await startApp({ config: testConfig(), db, logger: createLogger({ env: 'test', level: 'silent' }) });
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

  it('joins the agreeing extracted event, its extra initiator marked extracted beside the curated ones', async () => {
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
        ['los-angeles', 'CURATED', 1],
        ['los-angeles', 'EXTRACTED', 1],
        ['sanctuary-jurisdictions', 'CURATED', 1],
      ].sort(),
    );
    for (const l of event.initiatedBy) {
      const expected = l.origin === 'CURATED' ? '004_7eba275eeb4bf9d5' : 'x-join';
      expect([...new Set(l.evidence.map((e) => e.article.id))]).toEqual([expected]);
    }
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
