import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ingestPaths, loadArticles } from '../ingest/pipeline';
import { loadConfig } from '../src/core/config';
import { type Database, openDatabase } from '../src/core/database';
import { createLogger } from '../src/core/logger';
import { silentProgress } from '../src/core/progress';
import { type RunningApp, startApp } from '../src/server/app';
import { openBenchDatabase } from './database';
import { generateArticles, parseSize } from './generate';
import { loadAll } from './load';
import { log } from './log';
import { loadAverage } from './machine';
import { startOurs } from './processes';
import { wipe } from './wipe';

/**
 * npm run bench:feed [-- --size=seed|100k] [--events=50] [--replicas=2] [--poll-ms=250] [--processes] [--smoke]
 *
 * Latency from commit to subscriber (issue 15, point 3): a throw-away Neo4j (bench/database.ts) with the seed
 * corpus and, at --size, a synthetic graph; --replicas API instances (startApp, each with its own driver)
 * following the change log; one graphql-ws subscriber of articleIngested on each. The ingest pipeline writes
 * --events new articles one after another from its own connection, as the CLI does; each latency is from the
 * write's commit (loadArticles returned) to the moment a replica's subscriber has the event. --smoke: the seed
 * graph and 10 events, well under a minute once Neo4j is up. --processes: each replica is a service process
 * (`node dist/src/main.js` on a free port, bench/processes.ts) instead of a startApp in this one, so replicas
 * share only Neo4j; the subscribers and the writer stay here, so commit and receipt are timed on one clock.
 * Prints a Markdown table for docs/live-updates.md.
 */

interface Options {
  size: string;
  events: number;
  replicas: number;
  pollMs: number;
  processes: boolean;
}

/** A replica the subscribers reach at url (http://host:port), in this process or its own. */
interface Replica {
  url: string;
  stop(): Promise<void>;
}

function parseArgs(argv: string[]): Options {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const smoke = argv.includes('--smoke');
  return {
    size: flag('size') ?? 'seed',
    events: Number(flag('events') ?? (smoke ? 10 : 50)),
    replicas: Number(flag('replicas') ?? 2),
    pollMs: Number(flag('poll-ms') ?? 250),
    processes: argv.includes('--processes'),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Subscribes to articleIngested on a replica and records when each article's event arrives. */
function listen(app: Replica, arrivals: Map<string, number>) {
  const client = createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket });
  client.subscribe<{ articleIngested: { article: { id: string } } }>(
    { query: 'subscription { articleIngested { article { id } } }' },
    {
      next: (r) => {
        if (r.data) arrivals.set(r.data.articleIngested.article.id, performance.now());
      },
      error: (e) => log(`subscription error: ${JSON.stringify(e)}`),
      complete: () => undefined,
    },
  );
  return client;
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('an event did not reach every subscriber within the time-out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const bench = await openBenchDatabase();
  const replicaDbs: Database[] = [];
  const apps: Replica[] = [];
  try {
    log(`loading the ${options.size} graph`);
    await wipe(bench.db);
    await ingestPaths(bench.db, [], { progress: silentProgress });
    const facts = parseSize(options.size);
    if (facts !== null) await loadAll(bench.db, facts);
    const config = loadConfig({
      NEO4J_URI: bench.conn.uri,
      NEO4J_USER: bench.conn.user,
      NEO4J_PASSWORD: bench.conn.password,
      PORT: '0',
      LOG_LEVEL: 'silent',
      CHANGE_FEED_POLL_MS: String(options.pollMs),
      METRICS: 'false',
    });
    const logger = createLogger({ env: 'test', level: 'silent' });
    for (let i = 0; i < options.replicas; i++) {
      if (options.processes) {
        const extra = { CHANGE_FEED_POLL_MS: String(options.pollMs), METRICS: 'false' };
        const server = await startOurs(bench.conn, extra, 180_000);
        apps.push({ url: server.url.replace(/\/graphql$/, ''), stop: server.stop });
        continue;
      }
      const db = openDatabase(bench.conn, config.neo4j);
      replicaDbs.push(db);
      const app: RunningApp = await startApp({ config, db, logger });
      apps.push({ url: app.url, stop: () => app.stop() });
    }
    const arrivals = apps.map(() => new Map<string, number>());
    const clients = apps.map((app, i) => listen(app, arrivals[i]!));
    await new Promise((r) => setTimeout(r, 1_000));

    const articles = [...generateArticles({ facts: options.events * 20, factsPerArticle: 20, seed: 99 })];
    const latencies: number[][] = apps.map(() => []);
    const load = loadAverage();
    const kind = options.processes ? 'service processes' : 'in-process replicas';
    log(`${options.events} events, ${options.replicas} ${kind}, poll ${options.pollMs} ms; load ${load}`);
    for (const [k, article] of articles.slice(0, options.events).entries()) {
      const id = `feed-bench-${Date.now()}-${k}`;
      const renamed = {
        doc: { ...article.doc, file: `${id}.txt` },
        annotation: { ...article.annotation, article: { ...article.annotation.article, id, file: `${id}.txt` } },
      };
      const { outcomes } = await loadArticles(bench.db, [renamed]);
      const committed = performance.now();
      if (outcomes[0]?.status !== 'created') throw new Error(`write ${k}: ${JSON.stringify(outcomes[0])}`);
      await until(() => arrivals.every((m) => m.has(id)), 30_000);
      arrivals.forEach((m, i) => latencies[i]!.push(Math.max(0, m.get(id)! - committed)));
      if ((k + 1) % 10 === 0) log(`${k + 1}/${options.events} events`);
    }
    const rows = latencies.map((l, i) => {
      const s = [...l].sort((a, b) => a - b);
      return `| ${options.size} | ${options.processes ? 'process' : 'replica'} ${i + 1} | ${s.length} | ${percentile(s, 50).toFixed(0)} | ${percentile(s, 95).toFixed(0)} | ${s.at(-1)!.toFixed(0)} |`;
    });
    process.stdout.write(
      [
        `\nLoad average at start: ${load}; at end: ${loadAverage()}; poll ${options.pollMs} ms; ${kind}`,
        '| graph | replica | events | p50 ms | p95 ms | max ms |',
        '| ----- | ------- | ------ | ------ | ------ | ------ |',
        ...rows,
        '',
      ].join('\n'),
    );
    await Promise.all(clients.map((c) => c.dispose()));
  } finally {
    for (const app of apps) await app.stop();
    for (const db of replicaDbs) await db.close();
    await bench.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:feed failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
