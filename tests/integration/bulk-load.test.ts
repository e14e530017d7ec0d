import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticles } from '../../bench/generate';
import { curatedGazetteer } from '../../ingest/gazetteer-source';
import { loadArticles, preparePaths, type PreparedArticle } from '../../ingest/pipeline';
import { BulkTargetError, bulkLoadEmbedded } from '../../src/cli/bulk-load';
import { loadConfig, type Config } from '../../src/core/config';
import type { Database } from '../../src/core/database';
import { CORPUS_DIR } from '../../src/core/paths';
import { freePort } from '../../src/core/ports';
import { silentProgress } from '../../src/core/progress';
import { LocalServerRunningError } from '../../src/neo4j/offline-import';
import type { Runtime } from '../../src/neo4j/runtime';
import { clearGraph, testConfig, testDatabase } from '../support/database';

/**
 * The bulk first load against the online loader: the same corpus (the sample articles, then synthetic ones
 * that reuse their hub entities, so facts of several articles merge) loaded online into the test Neo4j and in
 * bulk into a Neo4j of its own, and the two graphs compared whole.
 */

/**
 * Every node and relationship (the migration records aside) as sorted lines: labels or type, endpoints,
 * and each property with its value and Cypher type. Timestamps of the write (ingestedAt, at) keep their
 * type but not their value, the one thing two loads at different times cannot share.
 */
async function dump(db: Database): Promise<{ nodes: string[]; relationships: string[]; schema: string[] }> {
  const props = `[k IN keys(x) | [k, CASE WHEN valueType(x[k]) STARTS WITH 'ZONED DATETIME' THEN '(time)' ELSE x[k] END, valueType(x[k])]]`;
  const nodes = await db.read<{ labels: string[]; props: unknown[][] }>(
    `MATCH (x) WHERE NOT x:_Migration RETURN labels(x) AS labels, ${props} AS props`,
  );
  const rels = await db.read<{ type: string; from: string; to: string; props: unknown[][] }>(
    `MATCH (a)-[x]->(b) RETURN type(x) AS type, CASE WHEN a:Article THEN 'Article ' ELSE 'Entity ' END + a.id AS from, 'Entity ' + b.id AS to, ${props} AS props`,
  );
  const line = (head: string, p: unknown[][]): string =>
    `${head} ${JSON.stringify([...p].sort((x, y) => String(x[0]).localeCompare(String(y[0]))))}`;
  await db.write('CALL db.awaitIndexes(300)');
  const schema = [
    ...(await db.read<Record<string, unknown>>(
      'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties',
    )),
    ...(await db.read<Record<string, unknown>>(
      'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state',
    )),
  ].map((row) => JSON.stringify(row));
  return {
    nodes: nodes.map((n) => line([...n.labels].sort().join(':'), n.props)).sort(),
    relationships: rels.map((r) => line(`${r.from} -${r.type}-> ${r.to}`, r.props)).sort(),
    schema: schema.sort(),
  };
}

function countBy(lines: string[], head: (line: string) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const l of lines) counts[head(l)] = (counts[head(l)] ?? 0) + 1;
  return counts;
}

let online: Database;
let home: string;
let bulkConfig: Config;
let bulk: Runtime | null = null;
let corpus: PreparedArticle[];

beforeAll(async () => {
  online = testDatabase();
  await clearGraph(online);
  home = await mkdtemp(join(tmpdir(), 'bulk-load-test-'));
  bulkConfig = loadConfig({
    NEO4J_LOCAL_DIR: join(home, 'neo4j'),
    NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
    NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
    NEO4J_LOCAL_CLASS_DATA: 'false', // a throw-away home starts once: an archive would only slow its stop
    NEO4J_LOCAL_HEAP: '512m',
  });
  const sample = await preparePaths([CORPUS_DIR], { progress: silentProgress, gazetteer: curatedGazetteer });
  expect(sample.summary.outcomes.map((o) => o.status)).toEqual(Array(5).fill('checked'));
  corpus = [...sample.prepared, ...generateArticles({ facts: 3_000, factsPerArticle: 250 })];
});
afterAll(async () => {
  await bulk?.close();
  await clearGraph(online);
  await online.close();
  await rm(home, { recursive: true, force: true });
});

// A bulk load starts a JVM for the importer and one for the server, on a busy two-core machine.
jest.setTimeout(600_000);

describe('the bulk first load', () => {
  it('builds the same graph as the online loader, property for property', async () => {
    // Small transactions online, so that facts stated by several articles merge across transactions there.
    const loaded = await loadArticles(online, corpus, { batchRows: 400 });
    expect(loaded.outcomes.filter((o) => o.status !== 'created')).toEqual([]);
    const { runtime, report } = await bulkLoadEmbedded(bulkConfig, corpus, { progress: silentProgress });
    bulk = runtime;

    const [want, got] = [await dump(online), await dump(runtime.db)];
    expect(report.articles).toBe(corpus.length);
    expect(report.relationships).toBe(want.relationships.length);
    const labels = countBy(want.nodes, (l) => l.split(' ')[0]!);
    expect(labels).toMatchObject({ Article: corpus.length, Change: corpus.length, ChangeCounter: 1 });
    expect(labels['Entity:Event']).toBeGreaterThan(50);
    expect(countBy(got.nodes, (l) => l.split(' ')[0]!)).toEqual(labels);
    expect(countBy(got.relationships, (l) => l.split(' ')[3]!)).toEqual(
      countBy(want.relationships, (l) => l.split(' ')[3]!),
    );
    expect(got.nodes).toEqual(want.nodes);
    expect(got.relationships).toEqual(want.relationships);
    expect(got.schema).toEqual(want.schema);
  });

  it('takes later articles through the normal path, with the same result as online', async () => {
    // The same ids with other facts: each is retracted and written again, the change log goes on from its head.
    const later = [...generateArticles({ facts: 600, factsPerArticle: 200, seed: 7 })];
    for (const db of [online, bulk!.db]) {
      const { outcomes } = await loadArticles(db, later);
      expect(outcomes.map((o) => o.status)).toEqual(['updated', 'updated', 'updated']);
    }
    const [want, got] = [await dump(online), await dump(bulk!.db)];
    expect(got.nodes).toEqual(want.nodes);
    expect(got.relationships).toEqual(want.relationships);
  });

  it('refuses a database the project does not run, one that is running, and one that holds data', async () => {
    await expect(bulkLoadEmbedded(testConfig(), corpus, { progress: silentProgress })).rejects.toThrow(
      new BulkTargetError(
        `NEO4J_URI is set (${testConfig().neo4j.uri}): the importer runs where the database's files are. 'npm run ingest -- --bulk' with NEO4J_URI set writes the files and prints the command to run on that server.`,
      ),
    );
    await expect(bulkLoadEmbedded(bulkConfig, corpus, { progress: silentProgress })).rejects.toThrow(
      LocalServerRunningError,
    );
    await bulk!.close();
    bulk = null;
    await expect(bulkLoadEmbedded(bulkConfig, corpus, { progress: silentProgress })).rejects.toThrow(
      /^The database "neo4j" in .* holds \d+ nodes: a bulk load only fills an empty one\./,
    );
  });
});
