import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { planArticle } from '../ingest/graph-plan';
import { ingestPaths, loadArticles, type PreparedArticle } from '../ingest/pipeline';
import { createDriver, Database } from '../src/core/database';
import { silentProgress } from '../src/core/progress';
import { generateArticles, parseSize } from './generate';

/**
 * One size's ingest measurements, run in a child process of bench/run.ts so that its peak RSS is the
 * loader's own. Prints one JSON line. Usage: node dist/bench/load.js <size> (NEO4J_URI/USER/PASSWORD set).
 *
 * 1. the project's loader: loadArticles, fed the synthetic articles ARTICLES_PER_CALL at a time (as
 *    ingestPaths feeds it files), which writes new articles many to a transaction;
 * 2. the same data again (unchanged articles: the idempotent path);
 * 3. the floor: the same graph (entities, events and articles as nodes; facts with their evidence lists; the
 *    articles' mentions) written with plain batched `UNWIND $rows AS r MERGE …` statements through
 *    neo4j-driver, into separate labels, removed afterwards.
 */

export interface LoadResult {
  size: string;
  articles: number;
  factRows: number;
  factRels: number;
  mentionRels: number;
  nodes: number;
  loadMs: number;
  reingestMs: number;
  reingestUnchanged: number;
  /** The plain UNWIND…MERGE floor, writing the same nodes, facts and mentions. */
  plain: { rows: number; relsCreated: number; factRels: number; mentionRels: number; ms: number; batch: number } | null;
  peakRssMb: number;
}

const PLAIN_BATCH = 5000;
const ARTICLES_PER_CALL = 100;

/** Feeds the synthetic articles to the loader in groups; returns how many it loaded and how many were unchanged. */
export async function loadAll(db: Database, facts: number): Promise<{ articles: number; unchanged: number }> {
  let articles = 0;
  let unchanged = 0;
  let group: PreparedArticle[] = [];
  const flush = async (): Promise<void> => {
    const { outcomes } = await loadArticles(db, group);
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') throw new Error(`${outcome.file}: ${outcome.error}`);
      if (outcome.status === 'unchanged') unchanged += 1;
    }
    articles += group.length;
    group = [];
  };
  for (const article of generateArticles({ facts })) {
    group.push(article);
    if (group.length === ARTICLES_PER_CALL) await flush();
  }
  if (group.length > 0) await flush();
  return { articles, unchanged };
}

async function countGraph(db: Database): Promise<{ factRels: number; mentionRels: number; nodes: number }> {
  const [row] = await db.read<{ facts: number; mentions: number; nodes: number }>(
    `CALL { MATCH ()-[r]->() WHERE NOT r:MENTIONS AND NOT r:PLAIN_FACT AND NOT r:PLAIN_MENTION RETURN count(r) AS facts }
     CALL { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
     CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
     RETURN facts, mentions, nodes`,
  );
  return { factRels: row!.facts, mentionRels: row!.mentions, nodes: row!.nodes };
}

async function main(): Promise<void> {
  const size = process.argv[2] ?? 'seed';
  const facts = parseSize(size);
  const db = new Database(
    createDriver({
      uri: process.env.NEO4J_URI!,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
    }),
    { database: process.env.NEO4J_DATABASE ?? 'neo4j', queryTimeoutMs: 600_000 },
  );
  try {
    let articles = 0;
    let factRows = 0;
    let loadMs = 0;
    let reingestMs = 0;
    let reingestUnchanged = 0;
    let plain: LoadResult['plain'] = null;
    if (facts === null) {
      const t0 = performance.now();
      const summary = await ingestPaths(db, [], { progress: silentProgress });
      loadMs = performance.now() - t0;
      articles = summary.outcomes.length;
      const t1 = performance.now();
      const again = await ingestPaths(db, [], { progress: silentProgress });
      reingestMs = performance.now() - t1;
      reingestUnchanged = again.totals.articles.unchanged;
    } else {
      // The generator is cheap next to the writes, so it runs inline and is regenerated for the re-ingest
      // (keeping every article in memory at 1M facts would inflate the loader's RSS).
      const t0 = performance.now();
      articles = (await loadAll(db, facts)).articles;
      loadMs = performance.now() - t0;
      const t1 = performance.now();
      reingestUnchanged = (await loadAll(db, facts)).unchanged;
      reingestMs = performance.now() - t1;
    }
    // The loader's own peak, before the baseline holds every row in memory.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const counts = await countGraph(db);

    if (facts !== null) {
      // The floor: the same graph, in batches, with one generic MERGE statement per kind of row.
      await db.runSchema('CREATE CONSTRAINT plain_id IF NOT EXISTS FOR (n:PlainNode) REQUIRE n.id IS UNIQUE');
      const nodeRows = new Map<string, string>();
      const relRows: { key: string; from: string; to: string; type: string; quotes: string[]; article: string }[] = [];
      const mentionRows: { article: string; id: string; quote: string | null }[] = [];
      for (const { doc, annotation } of generateArticles({ facts })) {
        const plan = planArticle(annotation, doc);
        nodeRows.set(plan.article.id, plan.article.title);
        for (const rows of Object.values(plan.entities)) for (const r of rows) nodeRows.set(r.id, r.name);
        for (const e of plan.events) nodeRows.set(e.id, e.name);
        for (const m of plan.mentions) mentionRows.push({ article: plan.article.id, id: m.id, quote: m.claim.quote });
        for (const [type, rows] of Object.entries(plan.facts)) {
          for (const r of rows) {
            relRows.push({ key: r.key, from: r.from, to: r.to, type, quotes: r.quotes, article: plan.article.id });
          }
        }
      }
      const nodes = [...nodeRows].map(([id, name]) => ({ id, name }));
      const write = async (cypher: string, rows: unknown[]): Promise<number> => {
        let created = 0;
        for (let i = 0; i < rows.length; i += PLAIN_BATCH) {
          const res = await db.driver.executeQuery(
            cypher,
            { rows: rows.slice(i, i + PLAIN_BATCH) },
            { database: process.env.NEO4J_DATABASE ?? 'neo4j', routing: neo4j.routing.WRITE },
          );
          created += res.summary.counters.updates().relationshipsCreated;
        }
        return created;
      };
      const t2 = performance.now();
      await write('UNWIND $rows AS r MERGE (n:PlainNode {id: r.id}) SET n.name = r.name', nodes);
      const factRels = await write(
        `UNWIND $rows AS r
         MATCH (a:PlainNode {id: r.from}) MATCH (b:PlainNode {id: r.to})
         MERGE (a)-[f:PLAIN_FACT {key: r.key}]->(b)
         SET f.type = r.type,
             f.evidenceQuotes = coalesce(f.evidenceQuotes, []) + r.quotes,
             f.evidenceArticles = coalesce(f.evidenceArticles, []) + [q IN r.quotes | r.article]`,
        relRows,
      );
      const mentionRels = await write(
        `UNWIND $rows AS r
         MATCH (a:PlainNode {id: r.article}) MATCH (n:PlainNode {id: r.id})
         MERGE (a)-[m:PLAIN_MENTION]->(n)
         SET m.quote = r.quote`,
        mentionRows,
      );
      plain = {
        rows: relRows.length + mentionRows.length,
        relsCreated: factRels + mentionRels,
        factRels,
        mentionRels,
        ms: performance.now() - t2,
        batch: PLAIN_BATCH,
      };
      factRows = relRows.length;
    }

    const result: LoadResult = {
      size,
      articles,
      factRows,
      ...counts,
      loadMs,
      reingestMs,
      reingestUnchanged,
      plain,
      peakRssMb,
    };
    // Printed before the baseline's clean-up, so that a failing clean-up does not lose the figures.
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (facts !== null) await removePlain(db);
  } finally {
    await db.close();
  }
}

/** Deletes the baseline's data: relationships first, in small transactions (its hub nodes have many). */
async function removePlain(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run('MATCH ()-[r:PLAIN_FACT|PLAIN_MENTION]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n:PlainNode) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    await db.runSchema('DROP CONSTRAINT plain_id IF EXISTS');
  } catch (err) {
    process.stderr.write(`could not remove the baseline's PlainNode data: ${(err as Error).message}\n`);
  } finally {
    await session.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`load failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
