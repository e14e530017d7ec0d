import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openBenchDatabase } from './database';
import { log } from './log';
import { describeMachine, loadAverage } from './machine';
import { parseArgs } from './options';
import { writeMarkdown } from './report';
import type { BenchResult, SizeResult, StartupResult } from './results';
import { BENCH_NEO4J_HEAP, BENCH_NEO4J_PAGECACHE } from './settings';
import { benchSize } from './size';
import { measureStartup } from './startup';

/**
 * npm run bench [-- --sizes=seed,10k,100k,1m] [--smoke] [--out=DIR] [--duration=5] [--repeats=3] [--rounds=30]
 *   [--warmup=10] [--no-startup]
 *
 * Starts a throw-away Neo4j with the project's launcher (unless NEO4J_URI is set), then for each size: wipes
 * the graph, loads it (bench/load.ts in a child process), starts this service and the @neo4j/graphql server
 * as child processes on the same database, and for every query of bench/queries.ts: checks that the three
 * implementations give the same answer (bench/equivalence.ts), takes interleaved c=1 samples
 * (bench/interleave.ts), then loads each under concurrency. Writes benchmarks.md and benchmarks.json to docs/ (or to a temp folder in --smoke).
 *
 * The parts: flags in options.ts, the database in database.ts, one size in size.ts (wipe.ts, processes.ts,
 * measure-impl.ts, load-generation.ts), start-up in startup.ts, the figures' shape in results.ts, and the
 * Markdown in report.ts.
 */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverage();
  log(`mode ${options.smoke ? 'smoke' : 'full'}, sizes ${options.sizes.join(',')}, output to ${options.out}`);
  const { conn, db, neo4jPid, close } = await openBenchDatabase();
  const sizes: SizeResult[] = [];
  let startup: StartupResult | null = null;
  let neo4jVersion = 'unknown';
  try {
    const [v] = await db.read<{ v: string }>('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    neo4jVersion = `${v?.v ?? 'unknown'}`;
    for (const size of options.sizes) sizes.push(await benchSize(size, conn, db, neo4jPid, options));
  } finally {
    await close();
  }
  if (options.startup) {
    log('start-up: cold and warm start of node dist/src/main.js');
    startup = await measureStartup();
  }
  const result: BenchResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    mode: options.smoke ? 'smoke' : 'full',
    machine: describeMachine(loadAtStart, neo4jVersion),
    settings: {
      neo4jHeap: process.env.NEO4J_URI ? 'external' : BENCH_NEO4J_HEAP,
      neo4jPageCache: process.env.NEO4J_URI ? 'external' : BENCH_NEO4J_PAGECACHE,
      'c=1 repeats × rounds (interleaved)': `${options.repeats} × ${options.rounds}`,
      'warm-up rounds': options.warmup,
      durationSeconds: options.duration,
    },
    sizes,
    startup,
  };
  mkdirSync(options.out, { recursive: true });
  const jsonPath = join(options.out, 'benchmarks.json');
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  await writeMarkdown(options.out, result);
  log(`wrote ${resolve(jsonPath)} and ${join(dirname(resolve(jsonPath)), 'benchmarks.md')}`);
  process.exit(0);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
