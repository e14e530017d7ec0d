import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { Annotation } from '../ingest/annotation/format';
import { loadArticles, type PreparedArticle } from '../ingest/pipeline';
import { createDriver, Database } from '../src/core/database';
import { generateArticles } from './generate';

/**
 * The ingest that runs beside the soak's reads, in a process of its own as an operator's ingest would:
 * `node dist/bench/soak-ingest.js <articles> <factsPerArticle>` (NEO4J_URI/USER/PASSWORD set). Its articles
 * come from bench/generate.ts with another seed, under article and event ids of their own (soak-…), so they
 * are new to the graph, while their entities are the generator's: the same hubs the reads ask about.
 * Prints one JSON line per group loaded and a last one with the totals.
 */

const GROUP = 10;

/** A generated article under ids that the graph's synthetic load does not use. */
export function renamed({ doc, annotation }: PreparedArticle): PreparedArticle {
  const article = (id: string) => id.replace(/^synthetic-/, 'soak-');
  const event = (id: string) => (id.startsWith('event-') ? `soak-${id}` : id);
  const file = article(doc.file);
  const renamedAnnotation: Annotation = {
    ...annotation,
    article: { ...annotation.article, id: article(annotation.article.id ?? doc.file.replace(/\.txt$/, '')), file },
    events: annotation.events.map((e) => ({ ...e, id: event(e.id) })),
    stances: annotation.stances.map((s) => ({ ...s, target: event(s.target) })),
  };
  return { doc: { ...doc, file, path: `/soak/${file}` }, annotation: renamedAnnotation };
}

async function main(): Promise<void> {
  const articles = Number(process.argv[2] ?? 200);
  const factsPerArticle = Number(process.argv[3] ?? 500);
  const db = new Database(
    createDriver({
      uri: process.env.NEO4J_URI!,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
    }),
    { database: process.env.NEO4J_DATABASE ?? 'neo4j', queryTimeoutMs: 600_000 },
  );
  const started = performance.now();
  let loaded = 0;
  let failed = 0;
  let group: PreparedArticle[] = [];
  const flush = async (): Promise<void> => {
    const { outcomes } = await loadArticles(db, group);
    failed += outcomes.filter((o) => o.status === 'failed').length;
    loaded += group.length;
    group = [];
    process.stdout.write(`${JSON.stringify({ loaded, failed, ms: performance.now() - started })}\n`);
  };
  try {
    const source = generateArticles({ facts: articles * factsPerArticle, factsPerArticle, seed: 1013 });
    for (const article of source) {
      group.push(renamed(article));
      if (group.length === GROUP) await flush();
    }
    if (group.length > 0) await flush();
    process.stdout.write(`${JSON.stringify({ done: true, loaded, failed, ms: performance.now() - started })}\n`);
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`soak ingest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
