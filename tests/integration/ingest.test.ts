import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../ingest/pipeline';
import type { Database } from '../../src/core/database';
import { ANNOTATIONS_DIR, CORPUS_DIR } from '../../src/core/paths';
import { silentProgress } from '../../src/core/progress';
import { clearGraph, testDatabase } from '../support/database';

let db: Database;

/** Counts of every label and relationship type, and a digest of all properties: "the graph" (the change log, which grows with every write, aside) in one value. */
async function graphSnapshot(): Promise<Record<string, unknown>> {
  const [row] = await db.read<Record<string, unknown>>(`
    CALL { MATCH (n) WHERE NOT (n:_Migration OR n:Change OR n:ChangeCounter) RETURN count(n) AS nodes, collect(n {.*, labels: labels(n)}) AS ns }
    CALL { MATCH ()-[r]->() RETURN count(r) AS rels, collect(r {.*, type: type(r)}) AS rs }
    RETURN nodes, rels, ns, rs`);
  const clean = (list: Record<string, unknown>[]) =>
    list
      .map((x) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(x)
              .filter(([k]) => k !== 'ingestedAt')
              .sort(),
          ),
        ),
      )
      .sort();
  return {
    nodes: row!.nodes,
    rels: row!.rels,
    ns: clean(row!.ns as Record<string, unknown>[]),
    rs: clean(row!.rs as Record<string, unknown>[]),
  };
}

beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
});
afterAll(async () => {
  await clearGraph(db);
  await db.close();
});

describe('ingesting the sample corpus', () => {
  it('creates every article, with no failure', async () => {
    const summary = await ingestPaths(db, [], { progress: silentProgress });
    expect(summary.outcomes.map((o) => [o.file, o.status, o.error])).toEqual(
      [
        '000_5c8c8792612c7421.txt',
        '001_ff022c1cbb6f11f8.txt',
        '002_f389543f85fdb957.txt',
        '003_94e04342a6ea52d8.txt',
        '004_7eba275eeb4bf9d5.txt',
      ].map((f) => [f, 'created', undefined]),
    );
    expect(summary.totals.relationshipsCreated).toBeGreaterThan(200);
  });

  it("holds Garcetti's opposition to the January 24, 2018 subpoena threat, with the quote and its article", async () => {
    const rows = await db.read(`
      MATCH (g:Person {id: 'eric-garcetti'})-[s:OPPOSED]->(e:Event {id: 'sessions-subpoena-threat-2018-01-24'})
      MATCH (sessions:Person {id: 'jeff-sessions'})-[:INITIATED]->(e)
      RETURN e.date AS date, e.datePrecision AS precision, s.evidenceQuotes AS quotes, s.evidenceArticles AS articles`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2018-01-24', precision: 'day', articles: ['004_7eba275eeb4bf9d5'] });
    expect(rows[0]!.quotes).toEqual([expect.stringContaining('Threaten me all you want')]);
  });

  it('makes the four cities targets of the August 2017 letters, with evidence from both articles that report them', async () => {
    const rows = await db.read<{ city: string; sources: string[] }>(`
      MATCH (e:Event {id: 'doj-public-safety-partnership-letters-2017-08'})-[t:TARGETS]->(c:Jurisdiction)
      MATCH (e)-[:CONCERNS]->(:Program {id: 'public-safety-partnership'})
      MATCH (:Agency {id: 'department-of-justice'})-[:INITIATED]->(e)
      RETURN c.id AS city, t.sources AS sources ORDER BY city`);
    expect(rows.map((r) => r.city)).toEqual(
      expect.arrayContaining(['albuquerque', 'baltimore', 'san-bernardino', 'stockton']),
    );
    const letters = await db.read<{ sources: string[] }>(
      `MATCH (:Agency {id: 'department-of-justice'})-[i:INITIATED]->(:Event {id: 'doj-public-safety-partnership-letters-2017-08'}) RETURN i.sources AS sources`,
    );
    expect(letters[0]!.sources.sort()).toEqual(['001_ff022c1cbb6f11f8', '003_94e04342a6ea52d8']);
  });

  it('resolves aliases across articles to one entity', async () => {
    const rows = await db.read<{ n: number; aliases: string[] }>(
      `MATCH (p:Entity) WHERE p.name = 'Jeff Sessions' RETURN count(p) AS n, head(collect(p.aliases)) AS aliases`,
    );
    expect(rows[0]!.n).toBe(1);
    expect(rows[0]!.aliases).toEqual(expect.arrayContaining(['Sessions', 'Mr. Sessions']));
    const doj = await db.read<{ aliases: string[] }>(
      `MATCH (a:Agency {id: 'department-of-justice'}) RETURN a.aliases AS aliases`,
    );
    expect(doj[0]!.aliases).toEqual(expect.arrayContaining(['Justice Department', 'DOJ']));
  });

  it('gives every fact relationship evidence whose quotes stand in the articles they cite', async () => {
    const rows = await db.read<{ type: string; quotes: string[]; articles: string[] }>(`
      MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS'
      RETURN type(r) AS type, r.evidenceQuotes AS quotes, r.evidenceArticles AS articles`);
    const files = await db.read<{ id: string; file: string }>('MATCH (a:Article) RETURN a.id AS id, a.file AS file');
    const texts = new Map<string, string>();
    for (const f of files) texts.set(f.id, (await readFile(join(CORPUS_DIR, f.file), 'utf8')).replace(/\s+/g, ' '));
    const fold = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
    for (const r of rows) {
      expect(r.quotes.length).toBeGreaterThan(0);
      expect(r.quotes).toHaveLength(r.articles.length);
      r.quotes.forEach((q, i) => expect(fold(texts.get(r.articles[i]!)!)).toContain(fold(q)));
    }
  });

  it('changes nothing when the same articles are ingested again', async () => {
    const before = await graphSnapshot();
    const summary = await ingestPaths(db, [], { progress: silentProgress });
    expect(summary.totals.articles).toEqual({ created: 0, updated: 0, unchanged: 5, checked: 0, failed: 0 });
    expect(await graphSnapshot()).toEqual(before);
  });
});

describe('re-ingesting a changed annotation', () => {
  it('updates its facts instead of duplicating them, and keeps what other articles say', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'changed-'));
    await copyFile(join(CORPUS_DIR, '004_7eba275eeb4bf9d5.txt'), join(dir, '004_7eba275eeb4bf9d5.txt'));
    const original = await readFile(join(ANNOTATIONS_DIR, '004_7eba275eeb4bf9d5.yaml'), 'utf8');
    const before = await graphSnapshot();

    // Garcetti's stance now cites his press-conference sentence instead of his tweet.
    const changed = original.replace(
      /quote: ["']?Threaten me all you want\. I will stand up for every Angeleno\.["']?/,
      'quote: "This is a myth, and it’s pure politics."',
    );
    expect(changed).not.toBe(original);
    await writeFile(join(dir, '004_7eba275eeb4bf9d5.yaml'), changed);
    const summary = await ingestPaths(db, [dir], { progress: silentProgress });
    expect(summary.outcomes.map((o) => [o.status, o.error])).toEqual([['updated', undefined]]);
    const quotes = await db.read<{ quotes: string[] }>(
      `MATCH (:Person {id: 'eric-garcetti'})-[s:OPPOSED]->(:Event {id: 'sessions-subpoena-threat-2018-01-24'}) RETURN s.evidenceQuotes AS quotes`,
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.quotes).toContain('This is a myth, and it’s pure politics.');
    expect(quotes[0]!.quotes.join(' ')).not.toContain('Threaten me all you want');
    const after = await graphSnapshot();
    expect(after.nodes).toBe(before.nodes);
    expect(after.rels).toBe(before.rels);

    // Putting the original back restores the graph exactly.
    await writeFile(join(dir, '004_7eba275eeb4bf9d5.yaml'), original);
    await ingestPaths(db, [dir], { progress: silentProgress });
    expect(await graphSnapshot()).toEqual(before);
  });
});

describe('bad input', () => {
  const article = 'Attorney General Jeff Sessions threatened sanctuary cities on Wednesday.\n';
  const annotation = (body: string) => `article:\n  file: bad.txt\n  title: Bad\n${body}`;
  const entity = 'entities:\n  - id: jeff-sessions\n    kind: person\n    name: Jeff Sessions\n';
  const cases: [string, string | Buffer, string, RegExp][] = [
    ['invalid YAML', article, annotation('entities: [unclosed\n'), /bad\.yaml \(line \d+, column \d+\): invalid YAML/],
    [
      'an unknown entity reference',
      article,
      annotation(
        `${entity}stances:\n  - actor: rahm-emanuel\n    kind: OPPOSED\n    target: jeff-sessions\n    quote: Jeff Sessions\n`,
      ),
      /bad\.yaml: stances\[0\]\.actor, line \d+: unknown entity "rahm-emanuel"/,
    ],
    [
      'a quote not found in its article',
      article,
      annotation(`${entity.replace('name: Jeff Sessions', 'name: Jeff Sessions\n    mention: Senator Sessions')}`),
      /bad\.yaml: entities\[0\]\.mention, line \d+: quote not found in the article: "Senator Sessions"/,
    ],
    [
      'a bad date',
      article,
      annotation(
        `${entity}events:\n  - id: t\n    type: threat\n    name: T\n    date: 2018-13-01\n    quotes: [Jeff Sessions threatened]\n`,
      ),
      /bad\.yaml \(events\[0\]\.date, line \d+\): must be an ISO date/,
    ],
    [
      'an unknown kind',
      article,
      annotation(entity.replace('kind: person', 'kind: wizard')),
      /bad\.yaml \(entities\[0\]\.kind, line \d+\)/,
    ],
    ['an empty article', '', annotation(entity), /bad\.txt: file is empty/],
    [
      'a binary article',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      annotation(entity),
      /bad\.txt: file looks binary/,
    ],
  ];

  it.each(cases)(
    '%s is reported by file, place and problem, and leaves the graph unchanged',
    async (_name, text, yaml, message) => {
      const dir = await mkdtemp(join(tmpdir(), 'bad-'));
      await writeFile(join(dir, 'bad.txt'), text);
      await writeFile(join(dir, 'bad.yaml'), yaml);
      // A good article in the same batch still goes in.
      await writeFile(join(dir, 'good.txt'), article);
      await writeFile(
        join(dir, 'good.yaml'),
        `article:\n  file: good.txt\n  title: Good\nentities:\n  - id: good-test-entity\n    kind: person\n    name: Good Test\n`,
      );
      const before = await graphSnapshot();
      const summary = await ingestPaths(db, [dir], { progress: silentProgress });
      const bad = summary.outcomes.find((o) => o.file === 'bad.txt');
      expect(bad?.status).toBe('failed');
      expect(bad?.error).toMatch(message);
      expect(summary.outcomes.find((o) => o.file === 'good.txt')?.status).toBe('created');
      await db.write(`MATCH (a:Article {id: 'good'}) DETACH DELETE a`);
      await db.write(`MATCH (n:Entity {id: 'good-test-entity'}) DETACH DELETE n`);
      expect(await graphSnapshot()).toEqual(before);
    },
  );

  it('writes the good articles of a batch and reports each bad one by its own file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'batch-'));
    const yaml = (file: string, id: string, kind: string) =>
      `article:\n  file: ${file}.txt\n  title: ${file}\nentities:\n  - id: ${id}\n    kind: ${kind}\n    name: Jeff Sessions\n`;
    // b clashes with the graph, d with c (same new id, another kind): both are new articles of one batch.
    const files: [string, string, string][] = [
      ['a', 'batch-test-a', 'person'],
      ['b', 'jeff-sessions', 'agency'],
      ['c', 'batch-test-shared', 'person'],
      ['d', 'batch-test-shared', 'organization'],
    ];
    for (const [file, id, kind] of files) {
      await writeFile(join(dir, `${file}.txt`), article);
      await writeFile(join(dir, `${file}.yaml`), yaml(file, id, kind));
    }
    const summary = await ingestPaths(db, [dir], { progress: silentProgress });
    expect(summary.outcomes.map((o) => [o.file, o.status, o.error])).toEqual([
      ['a.txt', 'created', undefined],
      ['b.txt', 'failed', 'b.txt: entity "jeff-sessions" is a Person in the graph but declared as Agency here'],
      ['c.txt', 'created', undefined],
      [
        'd.txt',
        'failed',
        'd.txt: entity "batch-test-shared" is a Person in the graph but declared as Organization here',
      ],
    ]);
    const articles = await db.read<{ id: string; mentions: string[] }>(
      `MATCH (a:Article) WHERE a.id IN ['a', 'b', 'c', 'd']
       RETURN a.id AS id, [(a)-[:MENTIONS]->(n) | n.id] AS mentions ORDER BY id`,
    );
    expect(articles).toEqual([
      { id: 'a', mentions: ['batch-test-a'] },
      { id: 'c', mentions: ['batch-test-shared'] },
    ]);
    await db.write(`MATCH (a:Article) WHERE a.id IN ['a', 'c'] DETACH DELETE a`);
    await db.write(`MATCH (n:Entity) WHERE n.id IN ['batch-test-a', 'batch-test-shared'] DETACH DELETE n`);
  });

  it('rolls back an article whose entity clashes with the kind the graph knows, writing nothing of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clash-'));
    await writeFile(join(dir, 'clash.txt'), article);
    await writeFile(
      join(dir, 'clash.yaml'),
      `article:\n  file: clash.txt\n  title: Clash\nentities:\n  - id: jeff-sessions\n    kind: agency\n    name: Jeff Sessions\n`,
    );
    const before = await graphSnapshot();
    const summary = await ingestPaths(db, [dir], { progress: silentProgress });
    expect(summary.outcomes[0]?.error).toBe(
      'clash.txt: entity "jeff-sessions" is a Person in the graph but declared as Agency here',
    );
    expect(await graphSnapshot()).toEqual(before);
  });
});

describe('an ingest cut short, then run again', () => {
  it('ends with the graph of a clean load, in small transactions as in large ones', async () => {
    await clearGraph(db);
    await ingestPaths(db, [], { progress: silentProgress });
    const clean = await graphSnapshot();
    for (const batchRows of [1, 5_000]) {
      await clearGraph(db);
      // What a killed run leaves: the whole articles of the transactions it committed (here the first two).
      const cut = ['000_5c8c8792612c7421.txt', '001_ff022c1cbb6f11f8.txt'].map((f) => join(CORPUS_DIR, f));
      const first = await ingestPaths(db, cut, { progress: silentProgress, batchRows });
      expect(first.totals.articles.created).toBe(2);
      const rerun = await ingestPaths(db, [], { progress: silentProgress, batchRows });
      expect(rerun.totals.articles).toEqual({ created: 3, updated: 0, unchanged: 2, checked: 0, failed: 0 });
      expect(await graphSnapshot()).toEqual(clean);
    }
  });
});
