import 'reflect-metadata';
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/core/config';
import { createDriver, Database } from '../src/core/database';
import { PROJECT_ROOT } from '../src/core/paths';
import { lineProgress } from '../src/core/progress';
import { openRuntime, type Runtime } from '../src/neo4j/runtime';
import type { LoadResult } from './load';
import { freePort } from '../src/core/ports';
import { javaBelow, rssMb, summarize, type LatencySummary } from './measure';
import { type BenchQuery, benchQueries, type GraphQLRequest, type QueryParams } from './queries';
import { renderMarkdown } from './report';
import { BENCH_NEO4J_HEAP, BENCH_NEO4J_PAGECACHE } from './settings';

/**
 * npm run bench [-- --sizes=seed,10k,100k,1m] [--smoke] [--out=DIR] [--duration=5] [--no-startup]
 *
 * Starts a throw-away Neo4j with the project's launcher (unless NEO4J_URI is set), then for each size: wipes
 * the graph, loads it (bench/load.ts in a child process), starts this service and the @neo4j/graphql server
 * as child processes on the same database, and measures every query of bench/queries.ts in the three
 * implementations. Writes benchmarks.md and benchmarks.json to docs/ (or to a temp folder in --smoke).
 */

const IMPLS = ['ours', 'neo4jGraphql', 'raw'] as const;
type Impl = (typeof IMPLS)[number];

export interface ConcurrencyResult {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

export interface ImplResult {
  c1: LatencySummary | null;
  concurrency: ConcurrencyResult[];
  roundTrips: number | null;
  error: string | null;
}

export interface QueryResult {
  name: string;
  note?: string;
  impls: Record<Impl, ImplResult>;
}

export interface SizeResult {
  size: string;
  load: LoadResult | null;
  loadError: string | null;
  params: QueryParams;
  queries: QueryResult[];
  rss: { apiIdleMb: number | null; apiLoadMb: number | null; neo4jIdleMb: number | null; neo4jLoadMb: number | null };
}

export interface StartupResult {
  jarsCached: boolean;
  coldMs: number | null;
  warmMs: number | null;
  apiIdleMb: number | null;
  neo4jIdleMb: number | null;
  error: string | null;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  command: string;
  mode: 'smoke' | 'full';
  machine: Record<string, string | number>;
  settings: Record<string, string | number>;
  sizes: SizeResult[];
  startup: StartupResult | null;
}

interface Options {
  sizes: string[];
  smoke: boolean;
  out: string;
  duration: number;
  iterations: number;
  warmup: number;
  startup: boolean;
  loadTimeoutMs: number;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const smoke = argv.includes('--smoke');
  return {
    smoke,
    sizes: (get('sizes') ?? (smoke ? '1k' : 'seed,10k,100k,1m')).split(',').filter(Boolean),
    out: get('out') ?? (smoke ? mkdtempSync(join(tmpdir(), 'bench-smoke-')) : join(PROJECT_ROOT, 'docs')),
    duration: Number(get('duration') ?? (smoke ? 0.3 : 5)),
    iterations: Number(get('iterations') ?? (smoke ? 3 : 100)),
    warmup: Number(get('warmup') ?? (smoke ? 1 : 10)),
    startup: !smoke && !argv.includes('--no-startup'),
    loadTimeoutMs: Number(get('load-timeout') ?? 30 * 60) * 1000,
  };
}

const progress = lineProgress();
const log = (msg: string) => progress.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

interface Conn {
  uri: string;
  user: string;
  password: string;
}

function childEnv(conn: Conn, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    ...extra,
  };
}

async function runLoad(size: string, conn: Conn, timeoutMs: number): Promise<LoadResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'load.js'), size], {
      env: childEnv(conn),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      else
        reject(
          new Error(`load ${size} ${signal ? `killed (${signal}, timeout)` : `exited ${code}`}: ${err.slice(-2000)}`),
        );
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) return r();
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', () => {
      clearTimeout(kill);
      r();
    });
    child.kill('SIGTERM');
  });
}

async function startOurs(conn: Conn): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    env: childEnv(conn, {
      PORT: String(port),
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      MAX_QUERY_COST: '1000000',
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/readyz`)).ok, 60_000, 'service');
  return { url: `${url}/graphql`, child, stop: () => stopChild(child) };
}

async function startNeo4jGraphql(conn: Conn): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'neo4j-graphql-server.js')], {
    env: childEnv(conn, { PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((r, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('LISTENING')) r();
    });
    child.on('exit', (code) => reject(new Error(`@neo4j/graphql server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child, stop: () => stopChild(child) };
}

interface Runner {
  /** One request; resolves with the round trips it cost (null when unknown); throws on any error. */
  once(): Promise<number | null>;
}

function httpRunner(url: string, request: GraphQLRequest): Runner {
  const body = JSON.stringify(request);
  return {
    async once() {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const json = (await res.json()) as { errors?: { message: string }[]; extensions?: { roundTrips?: number } };
      if (!res.ok || json.errors) throw new Error(json.errors?.[0]?.message ?? `HTTP ${res.status}`);
      return json.extensions?.roundTrips ?? null;
    },
  };
}

function rawRunner(db: Database, cypher: string, params: Record<string, unknown>): Runner {
  return {
    async once() {
      await db.read(cypher, params);
      return 1;
    },
  };
}

/** Closed-loop load at `connections` in flight for `seconds` through a runner (used for raw Cypher). */
async function closedLoop(
  runner: Runner,
  connections: number,
  seconds: number,
  perConnection: number | null,
): Promise<ConcurrencyResult> {
  const samples: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = 0; perConnection === null ? performance.now() < until : i < perConnection; i++) {
        const t = performance.now();
        try {
          await runner.once();
          samples.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const s = summarize(samples);
  return {
    connections,
    rps: samples.length / ((performance.now() - start) / 1000),
    p50: s.p50,
    p99: s.p99,
    errors,
    requests: samples.length,
  };
}

async function cannon(
  url: string,
  request: GraphQLRequest,
  connections: number,
  seconds: number,
  perConnection: number | null,
) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    connections,
    ...(perConnection === null ? { duration: seconds } : { amount: connections * perConnection }),
    timeout: 30,
  });
  return {
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  } satisfies ConcurrencyResult;
}

/** Per-request cap of the sequential run: a query slower than this is measured with fewer samples. */
const C1_BUDGET_MS = 5_000;

async function measureImpl(
  impl: Impl,
  query: BenchQuery,
  servers: { ours: Server; neo4jGraphql: Server },
  db: Database,
  options: Options,
  sampleRss: () => void,
): Promise<ImplResult> {
  const runner =
    impl === 'raw' ? rawRunner(db, query.raw.cypher, query.raw.params) : httpRunner(servers[impl].url, query[impl]);
  const result: ImplResult = { c1: null, concurrency: [], roundTrips: null, error: null };
  try {
    const t0 = performance.now();
    await runner.once();
    const first = performance.now() - t0;
    for (let i = 1; i < options.warmup; i++) await runner.once();
    const samples: number[] = [];
    const budgetEnd = performance.now() + (options.smoke ? 300 : C1_BUDGET_MS);
    for (let i = 0; i < options.iterations && (i < 3 || performance.now() < budgetEnd); i++) {
      const t = performance.now();
      // The round trips of a warm request (@neo4j/graphql checks the Neo4j version on its first one).
      result.roundTrips = await runner.once();
      samples.push(performance.now() - t);
    }
    result.c1 = summarize(samples);
    // A query that takes seconds on its own is not put under concurrent load: it would only queue.
    if (first > 5_000 && result.c1.p50 > 2_000) {
      result.error = `c=8/32 skipped: p50 ${result.c1.p50.toFixed(0)} ms at c=1`;
      return result;
    }
    // Smoke: a fixed, small number of requests per connection (and no autocannon, whose runs last a second).
    const perConnection = options.smoke ? 1 : null;
    for (const connections of options.smoke ? [8] : [8, 32]) {
      const sampler = setInterval(sampleRss, 250);
      try {
        result.concurrency.push(
          impl === 'raw' || options.smoke
            ? await closedLoop(runner, connections, options.duration, perConnection)
            : await cannon(servers[impl].url, query[impl], connections, options.duration, perConnection),
        );
      } finally {
        clearInterval(sampler);
      }
    }
  } catch (err) {
    result.error = (err as Error).message.slice(0, 300);
  }
  return result;
}

/**
 * Waits until Neo4j runs no transaction but this one: a load test that ends leaves the server it hit with
 * requests in flight (their queries go on in Neo4j), which would otherwise be timed into the next run.
 */
async function waitForQuiet(db: Database, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await db.read<{ busy: number }>(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
       RETURN count(*) AS busy`,
    );
    if ((row?.busy ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`Neo4j still busy after ${timeoutMs} ms; measuring anyway`);
}

async function wipe(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      'MATCH (n) WHERE n:Entity OR n:Article OR n:PlainNode CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
    );
  } finally {
    await session.close();
  }
}

async function paramsFor(size: string, db: Database): Promise<QueryParams> {
  const base = {
    actionBy: 'Department of Justice',
    timelineId: 'jeff-sessions',
    searchText: 'justice',
    pathTo: 'jeff-sessions',
  };
  if (size === 'seed') {
    return {
      ...base,
      timelineId: 'eric-garcetti',
      neighborhoodId: 'eric-garcetti',
      pathFrom: 'eric-garcetti',
      nestedEventId: 'sessions-subpoena-threat-2018-01-24',
    };
  }
  // The most contested event (the generator makes event-0 the hub of stances).
  const [row] = await db.read<{ id: string }>(
    'MATCH (e:Event)<-[:OPPOSED]-() WITH e, count(*) AS n ORDER BY n DESC, e.id LIMIT 1 RETURN e.id AS id',
  );
  return {
    ...base,
    neighborhoodId: 'person-200',
    pathFrom: 'person-200',
    nestedEventId: row?.id ?? 'event-0',
  };
}

async function benchSize(size: string, conn: Conn, db: Database, neo4jPid: number | null, options: Options) {
  log(`size ${size}: wiping the graph`);
  await wipe(db);
  const result: SizeResult = {
    size,
    load: null,
    loadError: null,
    params: undefined as unknown as QueryParams,
    queries: [],
    rss: { apiIdleMb: null, apiLoadMb: null, neo4jIdleMb: null, neo4jLoadMb: null },
  };
  log(`size ${size}: loading`);
  try {
    result.load = await runLoad(size, conn, options.loadTimeoutMs);
    const l = result.load;
    log(
      `size ${size}: ${l.factRels} fact rels, ${l.mentionRels} mentions, ${l.articles} articles in ${(l.loadMs / 1000).toFixed(1)} s` +
        (l.plain ? `; plain UNWIND ${l.plain.relsCreated} rels in ${(l.plain.ms / 1000).toFixed(1)} s` : ''),
    );
  } catch (err) {
    result.loadError = (err as Error).message;
    log(`size ${size}: load failed: ${result.loadError}`);
    return result;
  }
  result.params = await paramsFor(size, db);
  const ours = await startOurs(conn);
  const neo4jGraphql = await startNeo4jGraphql(conn);
  try {
    result.rss.apiIdleMb = rssMb(ours.child.pid!);
    result.rss.neo4jIdleMb = neo4jPid ? rssMb(neo4jPid) : null;
    const sampleRss = () => {
      const a = rssMb(ours.child.pid!);
      const n = neo4jPid ? rssMb(neo4jPid) : null;
      if (a !== null) result.rss.apiLoadMb = Math.max(result.rss.apiLoadMb ?? 0, a);
      if (n !== null) result.rss.neo4jLoadMb = Math.max(result.rss.neo4jLoadMb ?? 0, n);
    };
    for (const query of benchQueries(result.params)) {
      const q: QueryResult = { name: query.name, note: query.note, impls: {} as Record<Impl, ImplResult> };
      for (const impl of IMPLS) {
        await waitForQuiet(db);
        q.impls[impl] = await measureImpl(
          impl,
          query,
          { ours, neo4jGraphql },
          db,
          options,
          impl === 'ours' ? sampleRss : () => undefined,
        );
      }
      const f = (r: ImplResult) => (r.c1 ? `${r.c1.p50.toFixed(1)}ms` : `ERR ${r.error}`);
      log(
        `size ${size}: ${query.name}: ours ${f(q.impls.ours)}, @neo4j/graphql ${f(q.impls.neo4jGraphql)}, raw ${f(q.impls.raw)}`,
      );
      result.queries.push(q);
    }
  } finally {
    await ours.stop();
    await neo4jGraphql.stop();
  }
  return result;
}

/** Cold and warm start of the service (`node dist/src/main.js`) with its own local Neo4j in a temp home. */
async function measureStartup(): Promise<StartupResult> {
  const libDir = loadConfig({}).local.libDir;
  const version = loadConfig({}).local.version;
  let jarsCached = false;
  try {
    jarsCached = readFileSync(join(libDir, `neo4j-${version}`, '.complete'), 'utf8').length >= 0;
  } catch {
    try {
      execSync(`ls ${join(libDir, `neo4j-${version}`)}/*.jar >/dev/null 2>&1`);
      jarsCached = true;
    } catch {
      jarsCached = false;
    }
  }
  const home = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const result: StartupResult = {
    jarsCached,
    coldMs: null,
    warmMs: null,
    apiIdleMb: null,
    neo4jIdleMb: null,
    error: null,
  };
  const startOnce = async (): Promise<{ ms: number; child: ChildProcess }> => {
    const port = await freePort();
    const env = {
      ...process.env,
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_LOCAL_DIR: join(home, 'neo4j'),
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 300_000, 'service start');
    return { ms: performance.now() - t0, child };
  };
  try {
    const cold = await startOnce();
    result.coldMs = cold.ms;
    await stopChild(cold.child);
    const warm = await startOnce();
    result.warmMs = warm.ms;
    await new Promise((r) => setTimeout(r, 2000));
    result.apiIdleMb = rssMb(warm.child.pid!);
    const java = javaBelow(warm.child.pid!);
    result.neo4jIdleMb = java ? rssMb(java) : null;
    await stopChild(warm.child);
  } catch (err) {
    result.error = (err as Error).message;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return result;
}

/** The project's prettier style, so that `npm run lint` accepts the generated docs/benchmarks.md. */
async function formatMarkdown(markdown: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(join(PROJECT_ROOT, 'docs', 'benchmarks.md'))) ?? {};
    return await prettier.format(markdown, { ...config, parser: 'markdown' });
  } catch {
    return markdown;
  }
}

function sh(cmd: string): string {
  try {
    return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function pkgVersion(name: string): string {
  try {
    const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    return lock.packages[`node_modules/${name}`]?.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  log(`mode ${options.smoke ? 'smoke' : 'full'}, sizes ${options.sizes.join(',')}, output to ${options.out}`);
  let runtime: Runtime | null = null;
  let conn: Conn;
  let db: Database;
  let neo4jPid: number | null = null;
  if (process.env.NEO4J_URI) {
    // The benchmark deletes everything in the database it measures: never someone's data by accident.
    if (process.env.BENCH_WIPE_DATABASE !== 'yes') {
      throw new Error(
        `NEO4J_URI is set (${process.env.NEO4J_URI}): the benchmark would delete every node of that database. ` +
          'Set BENCH_WIPE_DATABASE=yes to allow it, or unset NEO4J_URI to use a throw-away local Neo4j.',
      );
    }
    const config = loadConfig(process.env);
    conn = { uri: config.neo4j.uri!, user: config.neo4j.user, password: config.neo4j.password ?? '' };
    db = new Database(createDriver(conn), { database: config.neo4j.database, queryTimeoutMs: 120_000 });
  } else {
    const home = mkdtempSync(join(tmpdir(), 'bench-neo4j-'));
    const config = loadConfig({
      NEO4J_LOCAL_DIR: join(home, 'neo4j'),
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP: BENCH_NEO4J_HEAP,
      NEO4J_LOCAL_PAGECACHE: BENCH_NEO4J_PAGECACHE,
    });
    log(`starting a throw-away Neo4j in ${home}`);
    runtime = await openRuntime(config, progress);
    const local = runtime.local!;
    conn = { uri: local.uri, user: local.user, password: local.password };
    db = new Database(createDriver(conn), { database: config.neo4j.database, queryTimeoutMs: 120_000 });
    neo4jPid = local.pid;
    const cleanup = () => {
      void runtime?.close().finally(() => rmSync(home, { recursive: true, force: true }));
    };
    process.once('exit', () => rmSync(home, { recursive: true, force: true }));
    process.once('SIGINT', cleanup);
  }
  const sizes: SizeResult[] = [];
  let startup: StartupResult | null = null;
  let neo4jVersion = 'unknown';
  try {
    const [v] = await db.read<{ v: string }>('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    neo4jVersion = `${v?.v ?? 'unknown'}`;
    for (const size of options.sizes) sizes.push(await benchSize(size, conn, db, neo4jPid, options));
  } finally {
    await db.close();
    await runtime?.close();
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
    machine: {
      nproc: sh('nproc'),
      memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      cpu: cpus()[0]?.model ?? 'unknown',
      os: sh('uname -sr'),
      'load average at start (1/5/15 min)': loadAtStart,
      'load average at end': loadavg()
        .map((x) => x.toFixed(2))
        .join(' '),
      node: process.version,
      neo4j: neo4jVersion,
      java: sh("java -version 2>&1 | head -1 | sed 's/\"//g'"),
      'neo4j-driver': pkgVersion('neo4j-driver'),
      '@apollo/server': pkgVersion('@apollo/server'),
      'type-graphql': pkgVersion('type-graphql'),
      graphql: pkgVersion('graphql'),
      '@neo4j/graphql': pkgVersion('@neo4j/graphql'),
      autocannon: pkgVersion('autocannon'),
    },
    settings: {
      neo4jHeap: process.env.NEO4J_URI ? 'external' : BENCH_NEO4J_HEAP,
      neo4jPageCache: process.env.NEO4J_URI ? 'external' : BENCH_NEO4J_PAGECACHE,
      iterationsC1: options.iterations,
      warmup: options.warmup,
      durationSeconds: options.duration,
    },
    sizes,
    startup,
  };
  mkdirSync(options.out, { recursive: true });
  const jsonPath = join(options.out, 'benchmarks.json');
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(options.out, 'benchmarks.md'), await formatMarkdown(renderMarkdown(result)));
  log(`wrote ${resolve(jsonPath)} and ${join(dirname(resolve(jsonPath)), 'benchmarks.md')}`);
  process.exit(0);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
