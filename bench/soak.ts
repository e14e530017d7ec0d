import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestPaths } from '../ingest/pipeline';
import type { Database } from '../src/core/database';
import { PROJECT_ROOT } from '../src/core/paths';
import { silentProgress } from '../src/core/progress';
import { openBenchDatabase } from './database';
import { parseSize } from './generate';
import { loadAll } from './load';
import { log } from './log';
import { describeMachine, loadAverage } from './machine';
import { startOurs } from './processes';
import { BENCH_NEO4J_HEAP, BENCH_NEO4J_PAGECACHE } from './settings';
import { paramsFor } from './size';
import {
  counterDeltas,
  errorsByCode,
  intervals,
  percentiles,
  rssTrendMbPerMin,
  type SoakRequest,
  verdicts,
} from './soak-figures';
import { startClosedLoop } from './soak-load';
import { parseSoakArgs, type SoakOptions } from './soak-options';
import { soakQueries, type SoakQuery } from './soak-queries';
import { type SoakResult, soakMarkdown } from './soak-report';
import { scrapeMetrics, startIngest, startSampler } from './soak-run';
import { soakSvg } from './soak-svg';
import { wipe } from './wipe';

/**
 * npm run bench:soak [-- --minutes=10] [--concurrency=32] [--size=100k] [--articles=200] [--facts-per-article=500]
 *                    [--ingest-delay=30] [--interval=5] [--client-timeout=20] [--out=DIR] [--smoke]
 *                    | --render=DIR/soak.json (soak.md and soak.svg again from a run's figures)
 *
 * Issue 13, point 4: a throw-away Neo4j (unless NEO4J_URI is set, with BENCH_WIPE_DATABASE=yes) loaded with
 * the seed corpus and a synthetic graph; the service in production mode as a child process; a closed loop of
 * mixed reads for --minutes while an ingest of further synthetic articles runs beside it in another process.
 * Samples latency, throughput, errors and memory every --interval seconds, scrapes /metrics before and after,
 * and writes soak.md, soak.svg and soak.json to docs/ (to a temp folder with --smoke: 30 s, a small graph).
 *
 * The parts: flags in soak-options.ts, the mix in soak-queries.ts, the closed loop in soak-load.ts, the
 * ingest child in soak-ingest.ts, the sampler and scrapes in soak-run.ts, the figures in soak-figures.ts, and
 * the report in soak-report.ts and soak-svg.ts.
 */

async function graphCounts(db: Database): Promise<{ nodes: number; rels: number }> {
  const [row] = await db.read<{ nodes: number; rels: number }>(
    `CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
     CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
     RETURN nodes, rels`,
  );
  return { nodes: Number(row?.nodes ?? 0), rels: Number(row?.rels ?? 0) };
}

async function loadGraph(db: Database, size: string): Promise<void> {
  await wipe(db);
  const seed = await ingestPaths(db, [], { progress: silentProgress });
  const failed = seed.outcomes.filter((o) => o.status === 'failed');
  if (failed.length) throw new Error(`seed corpus: ${failed.map((o) => `${o.file}: ${o.error}`).join('; ')}`);
  const facts = parseSize(size);
  if (facts !== null) await loadAll(db, facts);
}

/** Sends each query until it answers without error: the first requests of a new server plan their statements. */
async function warmUp(url: string, queries: SoakQuery[]): Promise<void> {
  for (const q of queries) {
    for (let attempt = 1; ; attempt += 1) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(q.request),
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (res.ok && !body.errors) break;
      if (attempt === 5) throw new Error(`warm-up: ${q.name} fails: ${JSON.stringify(body.errors ?? res.status)}`);
    }
  }
}

async function soak(options: SoakOptions, command: string): Promise<SoakResult> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverage();
  const { conn, db, neo4jPid, close } = await openBenchDatabase();
  try {
    const [v] = await db.read<{ v: string }>('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    log(`loading the seed corpus and the ${options.size} synthetic graph`);
    const t0 = performance.now();
    await loadGraph(db, options.size);
    log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const before = await graphCounts(db);
    const queries = soakQueries(await paramsFor(options.size, db));
    const api = await startOurs(conn);
    const baseUrl = api.url.replace(/\/graphql$/, '');
    try {
      await warmUp(api.url, queries);
      const metricsBefore = await scrapeMetrics(baseUrl);
      const durationMs = options.minutes * 60_000;
      const origin = performance.now();
      log(
        `closed loop: ${options.concurrency} clients for ${options.minutes} min; ingest after ${options.ingestDelayS} s`,
      );
      const sampler = startSampler(
        baseUrl,
        { api: api.child.pid!, neo4j: neo4jPid },
        { intervalMs: options.intervalS * 1000, origin },
      );
      const load = startClosedLoop(api.url, queries, {
        concurrency: options.concurrency,
        clientTimeoutMs: options.clientTimeoutS * 1000,
        origin,
      });
      await new Promise((r) => setTimeout(r, Math.min(durationMs, options.ingestDelayS * 1000)));
      const ingest = startIngest(conn, options.articles, options.factsPerArticle, origin);
      const progressTimer = setInterval(() => {
        const done = load.requests.length;
        log(`${((performance.now() - origin) / 1000).toFixed(0)} s: ${done} requests, ingest ${ingest.record.loaded}`);
      }, 30_000);
      await new Promise((r) => setTimeout(r, Math.max(0, durationMs - (performance.now() - origin))));
      clearInterval(progressTimer);
      const loadEnd = performance.now() - origin;
      await load.stop();
      await sampler.stop();
      if (ingest.record.exitCode === null && ingest.record.finishedAt === null) {
        log('the ingest is still running as the load stops: stopping it');
        ingest.child.kill('SIGTERM');
      }
      await ingest.done;
      const metricsAfter = await scrapeMetrics(baseUrl);
      const after = await graphCounts(db);

      // Requests that ended after the load was told to stop still count: they were sent within the run.
      const requests: SoakRequest[] = load.requests;
      const failed = requests.filter((r) => r.code !== 'OK').length;
      const ingestEnd = ingest.record.finishedAt ?? loadEnd;
      const during = requests.filter((r) => r.start >= ingest.record.startedAt && r.start < ingestEnd);
      const without = requests.filter((r) => r.start < ingest.record.startedAt || r.start >= ingestEnd);
      const byQuery = Object.fromEntries(
        queries.map((q) => {
          const mine = requests.filter((r) => r.query === q.name);
          return [q.name, { ...percentiles(mine), errors: mine.filter((r) => r.code !== 'OK').length }];
        }),
      );
      const whole = percentiles(requests);
      const rssSlope = rssTrendMbPerMin(sampler.samples, loadEnd);
      const rss = sampler.samples.map((s) => s.apiRssMb).filter((x): x is number => x !== null);
      const neo4jRss = sampler.samples.map((s) => s.neo4jRssMb).filter((x): x is number => x !== null);
      const deltas = counterDeltas(metricsBefore.samples, metricsAfter.samples, [
        'graphql_requests_total',
        'graphql_request_duration_seconds_count',
        'http_requests_total',
        'neo4j_call_duration_seconds_count',
        'ingest_articles_total',
      ]);
      const counted = deltas
        .filter((d) => d.sample.startsWith('graphql_requests_total'))
        .reduce((s, d) => s + d.delta, 0);
      return {
        startedAt,
        finishedAt: new Date().toISOString(),
        command,
        mode: options.smoke ? 'smoke' : 'full',
        machine: describeMachine(loadAtStart, `${v?.v ?? 'unknown'}`),
        settings: {
          minutes: options.minutes,
          concurrency: options.concurrency,
          size: options.size,
          articles: options.articles,
          factsPerArticle: options.factsPerArticle,
          ingestDelayS: options.ingestDelayS,
          intervalS: options.intervalS,
          clientTimeoutS: options.clientTimeoutS,
          neo4jHeap: process.env.NEO4J_URI ? 'external' : BENCH_NEO4J_HEAP,
          neo4jPageCache: process.env.NEO4J_URI ? 'external' : BENCH_NEO4J_PAGECACHE,
        },
        graph: { before, after },
        whole: { ...whole, rps: whole.count / (loadEnd / 1000), errors: errorsByCode(requests) },
        byQuery,
        duringIngest: percentiles(during),
        withoutIngest: percentiles(without),
        ingest: {
          ...ingest.record,
          ms: ingest.record.finishedAt === null ? null : ingest.record.finishedAt - ingest.record.startedAt,
        },
        memory: {
          apiRssStartMb: rss[0] ?? null,
          apiRssEndMb: rss[rss.length - 1] ?? null,
          apiRssMaxMb: rss.length ? Math.max(...rss) : null,
          apiRssSlopeMbPerMin: rssSlope,
          neo4jRssMaxMb: neo4jRss.length ? Math.max(...neo4jRss) : null,
        },
        metrics: deltas,
        metricsCheck: { counted, sent: requests.length },
        verdicts: verdicts(whole, failed, rssSlope),
        intervals: intervals(requests, sampler.samples, options.intervalS * 1000, loadEnd),
      };
    } finally {
      await api.stop();
    }
  } finally {
    await close();
  }
}

/** The Markdown in the project's prettier style, so that `npm run lint` accepts docs/soak.md. */
async function formatMarkdown(markdown: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(join(PROJECT_ROOT, 'docs', 'soak.md'))) ?? {};
    return await prettier.format(markdown, { ...config, parser: 'markdown' });
  } catch {
    return markdown;
  }
}

/** Writes soak.md and soak.svg next to a run's soak.json. */
async function render(result: SoakResult, out: string): Promise<void> {
  writeFileSync(join(out, 'soak.md'), await formatMarkdown(soakMarkdown(result, 'soak.svg')));
  const minutes = Number(result.settings.minutes);
  const ingest = {
    fromS: result.ingest.startedAt / 1000,
    toS: result.ingest.ms === null ? minutes * 60 : (result.ingest.startedAt + result.ingest.ms) / 1000,
  };
  const caption =
    `${result.whole.count} requests at concurrency ${result.settings.concurrency}, ${result.settings.size} graph + ` +
    `ingest of ${result.settings.articles} articles; load average ${result.machine['load average at start (1/5/15 min)']} at the start`;
  writeFileSync(join(out, 'soak.svg'), soakSvg(result.intervals, ingest, caption));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // --render=DIR/soak.json: the report again from a run's figures (after a change to the report's code).
  const rerender = argv.find((a) => a.startsWith('--render='))?.slice('--render='.length);
  if (rerender) {
    await render(JSON.parse(readFileSync(rerender, 'utf8')) as SoakResult, dirname(rerender));
    log(`rewrote soak.md and soak.svg next to ${rerender}`);
    return;
  }
  const options = parseSoakArgs(argv);
  const command = `npm run bench:soak -- ${argv.join(' ')}`.trim();
  log(`soak ${options.smoke ? 'smoke' : 'full'} run, output to ${options.out}`);
  const result = await soak(options, command);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
  await render(result, options.out);
  for (const v of result.verdicts) log(`${v.met ? 'met' : 'MISSED'}: ${v.goal}: ${v.measured}`);
  log(`wrote ${resolve(options.out, 'soak.md')}, soak.svg and soak.json`);
  // The smoke run checks that the script works, not the figures: it fails only on requests that failed
  // for a reason other than load (a broken query), or when /metrics did not count the requests.
  if (options.smoke) {
    const broken = Object.keys(result.whole.errors).filter((c) => c !== 'CLIENT_TIMEOUT');
    if (broken.length || result.metricsCheck.counted < result.metricsCheck.sent || result.ingest.failed > 0) {
      throw new Error(
        `smoke: errors ${JSON.stringify(result.whole.errors)}, /metrics counted ${result.metricsCheck.counted} of ${result.metricsCheck.sent}, ingest failed ${result.ingest.failed}`,
      );
    }
  }
  process.exit(0);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
