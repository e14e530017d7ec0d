import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { planArticle } from '../ingest/graph-plan';
import { ingestPaths, loadArticle } from '../ingest/pipeline';
import { createDriver, Database } from '../src/neo4j/database';
import { silentProgress } from '../src/progress';
import { generateArticles, parseSize } from './generate';

/**
 * One size's ingest measurements, run in a child process of bench/run.ts so that its peak RSS is the
 * loader's own. Prints one JSON line. Usage: node dist/bench/load.js <size> (NEO4J_URI/USER/PASSWORD set).
 *
 * 1. the project's loader: planArticle + loadArticle, one transaction per synthetic article;
 * 2. the same data again (unchanged articles: the idempotent path);
 * 3. a plain batched UNWIND $rows AS r MERGE of the same facts through neo4j-driver, into separate labels,
 *    removed afterwards.
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
  plain: { rows: number; relsCreated: number; ms: number; batch: number } | null;
  peakRssMb: number;
}

const PLAIN_BATCH = 5000;

async function countGraph(db: Database): Promise<{ factRels: number; mentionRels: number; nodes: number }> {
  const [row] = await db.read<{ facts: number; mentions: number; nodes: number }>(
    `CALL { MATCH ()-[r]->() WHERE NOT r:MENTIONS AND NOT r:PLAIN_FACT RETURN count(r) AS facts }
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
      for (const { doc, annotation } of generateArticles({ facts })) {
        const outcome = await loadArticle(db, doc, annotation);
        if (outcome.status === 'failed') throw new Error(outcome.error);
        articles += 1;
      }
      loadMs = performance.now() - t0;
      const t1 = performance.now();
      for (const { doc, annotation } of generateArticles({ facts })) {
        const outcome = await loadArticle(db, doc, annotation);
        if (outcome.status === 'unchanged') reingestUnchanged += 1;
      }
      reingestMs = performance.now() - t1;
    }
    // The loader's own peak, before the baseline holds every row in memory.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const counts = await countGraph(db);

    if (facts !== null) {
      // The baseline: the same facts, in batches, with one generic MERGE each for nodes and relationships.
      await db.runSchema('CREATE CONSTRAINT plain_id IF NOT EXISTS FOR (n:PlainNode) REQUIRE n.id IS UNIQUE');
      const nodeRows = new Map<string, string>();
      const relRows: { key: string; from: string; to: string; type: string; quotes: string[]; article: string }[] = [];
      for (const { doc, annotation } of generateArticles({ facts })) {
        const plan = planArticle(annotation, doc);
        for (const rows of Object.values(plan.entities)) for (const r of rows) nodeRows.set(r.id, r.name);
        for (const e of plan.events) nodeRows.set(e.id, e.name);
        for (const [type, rows] of Object.entries(plan.facts)) {
          for (const r of rows) {
            relRows.push({ key: r.key, from: r.from, to: r.to, type, quotes: r.quotes, article: plan.article.id });
          }
        }
      }
      const nodes = [...nodeRows].map(([id, name]) => ({ id, name }));
      const t2 = performance.now();
      let relsCreated = 0;
      for (let i = 0; i < nodes.length; i += PLAIN_BATCH) {
        await db.write('UNWIND $rows AS r MERGE (n:PlainNode {id: r.id}) SET n.name = r.name', {
          rows: nodes.slice(i, i + PLAIN_BATCH),
        });
      }
      for (let i = 0; i < relRows.length; i += PLAIN_BATCH) {
        const res = await db.driver.executeQuery(
          `UNWIND $rows AS r
           MATCH (a:PlainNode {id: r.from}) MATCH (b:PlainNode {id: r.to})
           MERGE (a)-[f:PLAIN_FACT {key: r.key}]->(b)
           SET f.type = r.type,
               f.evidenceQuotes = coalesce(f.evidenceQuotes, []) + r.quotes,
               f.evidenceArticles = coalesce(f.evidenceArticles, []) + [q IN r.quotes | r.article]`,
          { rows: relRows.slice(i, i + PLAIN_BATCH) },
          { database: process.env.NEO4J_DATABASE ?? 'neo4j', routing: neo4j.routing.WRITE },
        );
        relsCreated += res.summary.counters.updates().relationshipsCreated;
      }
      plain = { rows: relRows.length, relsCreated, ms: performance.now() - t2, batch: PLAIN_BATCH };
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
    await session.run('MATCH ()-[r:PLAIN_FACT]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
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
