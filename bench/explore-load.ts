import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApp } from '../src/server/app';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { freePort } from '../src/core/ports';
import { lineProgress } from '../src/core/progress';
import { openRuntime, type Runtime } from '../src/neo4j/runtime';
import { PROJECT_ROOT } from '../src/core/paths';
import { seedIfEmpty } from '../src/seed';
import { WEB_DIST_DIR } from '../src/server/web-router';
import { launchChromium } from '../tests/support/chromium';
import { type HubLoad, HUB, loadSyntheticGraph, openHubStore, timeHubLoads } from './explore-hub';
import { parseSize } from './generate';
import { loadAverage } from './machine';
import { median } from './measure';
import { BENCH_NEO4J_HEAP, BENCH_NEO4J_PAGECACHE } from './settings';

/**
 * How fast /explore shows its first graph, and how big the built browser pages are:
 * `npm run bench:explore -- [url] [loads]`. Without a url it starts the service itself (NEO4J_URI or
 * the embedded Neo4j, seeded when empty) on a free port. Each load is a new Chromium with a fresh profile
 * (cold cache) opening /explore?entity=eric-garcetti until the graph is drawn; then as many reloads in the
 * same profile (warm cache).
 *
 * `npm run bench:explore -- --hub [--size=1m] [url] [loads]` opens the hub of the synthetic benchmark graph
 * instead (bench/explore-hub.ts): without a url it opens an embedded Neo4j in .data/explore-hub-<size>/ holding the
 * seed corpus and bench/generate.ts's graph of that size, bulk-loaded on the first run and reused after, then times the hub (the seed's first graph is the mode without --hub, on the seed corpus alone).
 */
const ENTITY = 'eric-garcetti';

function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Raw and gzip size of every built file, and of what each page loads up front. */
function sizes(): string[] {
  const rows = ['| file | raw | gzip |', '|---|---:|---:|'];
  const size = new Map<string, { raw: number; gz: number }>();
  for (const path of files(WEB_DIST_DIR).sort()) {
    const data = readFileSync(path);
    const entry = { raw: data.length, gz: gzipSync(data, { level: 9 }).length };
    size.set(relative(WEB_DIST_DIR, path), entry);
    rows.push(`| ${relative(WEB_DIST_DIR, path)} | ${kib(entry.raw)} | ${kib(entry.gz)} |`);
  }
  const total = [...size.values()].reduce((t, s) => ({ raw: t.raw + s.raw, gz: t.gz + s.gz }), { raw: 0, gz: 0 });
  rows.push(`| **all of dist/web** | ${kib(total.raw)} | ${kib(total.gz)} |`);
  for (const page of ['explore.html', 'graphiql.html']) {
    const html = readFileSync(join(WEB_DIST_DIR, page), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="\/ui\/([^"]+)"/g)].map((m) => m[1]!);
    const sum = [page, ...refs].reduce(
      (t, f) => ({ raw: t.raw + (size.get(f)?.raw ?? 0), gz: t.gz + (size.get(f)?.gz ?? 0) }),
      { raw: 0, gz: 0 },
    );
    rows.push(`| **${page} and what it loads up front** | ${kib(sum.raw)} | ${kib(sum.gz)} |`);
  }
  return rows;
}

/** Where a cold load's time went (page time, ms): the explorer's performance marks and the first /graphql request. */
interface Phases {
  /** Navigation start to the first /graphql request. */
  request: number;
  /** That request, sent to answered. */
  api: number;
  /** Navigation start to the page's code loaded and its parts built (explore:app). */
  app: number;
  /** The answer, or the code ready for it if later, until the graph is laid out and filtered (explore:refreshed). */
  explorer: number;
}

const PHASES = `(() => {
  const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
  const first = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graphql'))
    .sort((a, b) => a.startTime - b.startTime)[0];
  return { request: first.startTime, api: first.responseEnd - first.startTime, app: marks['explore:app'],
    explorer: marks['explore:refreshed'] - Math.max(first.responseEnd, marks['explore:app']) };
})()`;

async function timeLoads(url: string, loads: number): Promise<{ cold: number[]; warm: number[]; phases: Phases[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const phases: Phases[] = [];
  for (let i = 0; i < loads; i += 1) {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      for (const list of [cold, warm]) {
        const t0 = performance.now();
        await page.goto(`${url}/explore?entity=${ENTITY}`);
        await page.locator('#cy[data-ready="true"]').waitFor({ timeout: 30000 });
        list.push(performance.now() - t0);
        if (list === cold) phases.push((await page.evaluate(PHASES)) as Phases);
      }
    } finally {
      await browser.close();
    }
  }
  return { cold, warm, phases };
}

const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;

/** The hub's table: the median, min and max of each measure over the loads. */
function hubTable(results: HubLoad[]): string[] {
  const row = (label: string, xs: number[]) =>
    `| ${label} | ${ms(xs)} | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`;
  const of = (key: keyof HubLoad) => results.map((r) => r[key]);
  return [
    '| measure | median | min | max |',
    '|---|---:|---:|---:|',
    row('first grouped graph drawn (goto until ready)', of('firstGraph')),
    row('… page start (navigation to the first /graphql request)', of('pageStart')),
    row('… API: the neighborhood request answered', of('api')),
    row('… the page code loaded and its parts built (navigation until ready for the answer)', of('appReady')),
    row('… explorer: answer (or code ready, if later) to drawn: merge, groups, layout', of('explorer')),
    row('… … of which merging the answer into the graph', of('merge')),
    row('… … of which grouping', of('group')),
    row('… … of which the layout', of('layout')),
    row('… … of which filters, legend and keyboard list', of('refresh')),
    row('click on the largest group until its members are listed', of('groupClick')),
    row('double-click on it until unfolded and laid out', of('groupOpen')),
    row('longest main-thread task while loading', of('longestTaskLoad')),
    row('longest main-thread task while clicking and unfolding', of('longestTaskInteract')),
    '',
    `Entities in the answer: ${[...new Set(of('entities'))].join(', ')}; nodes drawn: ${[...new Set(of('drawn'))].join(', ')}; group nodes: ${[...new Set(of('groups'))].join(', ')}.`,
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const hub = args.includes('--hub');
  const sizeArg = args.find((a) => a.startsWith('--size='))?.slice('--size='.length) ?? '1m';
  const facts = parseSize(sizeArg);
  if (hub && facts === null) throw new Error('--size must be a number of facts such as 1m or 100k for --hub');
  const rest = args.filter((a) => !a.startsWith('--'));
  const given = rest[0]?.startsWith('http') ? rest[0] : undefined;
  const loads = Number(rest[given ? 1 : 0] ?? 7);
  const loadAtStart = loadAverage();
  let stop = async (): Promise<void> => undefined;
  let url = given;
  if (!url) {
    // A throw-away embedded Neo4j on free ports, unless NEO4J_URI or NEO4J_LOCAL_* say otherwise; for the hub,
    // a store under .data/ built once by the bulk first load and kept for the next runs.
    const hubDir = join(PROJECT_ROOT, '.data', `explore-hub-${sizeArg}`);
    const home = hub ? join(hubDir, 'neo4j') : await mkdtemp(join(tmpdir(), 'explore-bench-neo4j-'));
    const config = loadConfig({
      NEO4J_LOCAL_DIR: home,
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
      // The hub mode's graph needs the benchmark's memory, and its loader's large transactions a long timeout.
      ...(hub
        ? { NEO4J_LOCAL_HEAP: BENCH_NEO4J_HEAP, NEO4J_LOCAL_PAGECACHE: BENCH_NEO4J_PAGECACHE }
        : { NEO4J_LOCAL_CLASS_DATA: 'false' }),
      ...(hub ? { NEO4J_QUERY_TIMEOUT_MS: '600000' } : {}),
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    const progress = lineProgress();
    let runtime: Runtime;
    if (hub && !config.neo4j.uri) {
      const store = await openHubStore(config, facts!, join(hubDir, 'built.json'), progress);
      runtime = store.runtime;
      const b = store.built;
      process.stderr.write(
        `${store.reused ? 'reused' : 'built'} ${home} (bulk load of the seed and ${sizeArg} facts at ${b.builtAt}, ` +
          `${(b.buildMs / 1000).toFixed(0)} s): ${b.articles} articles, ${b.nodes} nodes, ${b.relationships} relationships\n`,
      );
    } else {
      runtime = await openRuntime(config, progress);
      await seedIfEmpty(runtime.db, progress);
      if (hub) {
        // A server the project does not run: the importer cannot write its store, so through the loader.
        process.stderr.write(`loading the synthetic graph of ${sizeArg} facts (bench/generate.ts)…\n`);
        const loaded = await loadSyntheticGraph(runtime.db, facts!);
        process.stderr.write(`  ${loaded.articles} articles in ${(loaded.ms / 1000).toFixed(0)} s\n`);
      }
    }
    if (hub) {
      const [row] = await runtime.db.read<{ rels: number }>(
        'MATCH (:Entity {id: $id})-[r]-() WHERE NOT r:MENTIONS RETURN count(r) AS rels',
        { id: HUB },
      );
      process.stderr.write(`  ${HUB} has ${row?.rels ?? 0} relationships (MENTIONS aside)\n`);
    }
    const app = await startApp({ config, db: runtime.db, logger: createLogger({ env: config.env, level: 'silent' }) });
    url = app.url;
    stop = async () => {
      await app.stop();
      await runtime.close();
      if (!hub) await rm(home, { recursive: true, force: true });
    };
  }
  try {
    // One load first, so that the service's and Neo4j's first-query costs are not counted.
    if (hub) {
      await timeHubLoads(url, 1);
      // The load average of the measured part, not of the graph's load before it.
      const loadAtMeasure = loadAverage();
      const results = await timeHubLoads(url, loads);
      const out = [
        `/explore?entity=${HUB} on the synthetic graph (${sizeArg} facts), ${loads} loads on ${url}, ${new Date().toISOString()}:`,
        ...hubTable(results),
        `Load average (1/5/15 min) at the start: ${loadAtMeasure}; at the end: ${loadAverage()}`,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
      return;
    }
    await timeLoads(url, 1);
    const { cold, warm, phases } = await timeLoads(url, loads);
    const phase = (key: keyof Phases) => median(phases.map((p) => p[key])).toFixed(0);
    const out = [
      `${new Date().toISOString()}, load average (1/5/15 min) at the start: ${loadAtStart}; at the end: ${loadAverage()}`,
      `/explore?entity=${ENTITY} until the first graph is drawn, ${loads} loads on ${url}:`,
      `  cold cache (new profile): median ${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`,
      `  warm cache (reload):      median ${median(warm).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`,
      `  cold, medians in page time: first /graphql request sent at ${phase('request')} ms, answered in ${phase('api')} ms; ` +
        `page code ready at ${phase('app')} ms; explorer ${phase('explorer')} ms from answer (or code) to laid out`,
      '',
      `Built assets in dist/web:`,
      ...sizes(),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
