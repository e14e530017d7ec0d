import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type LocalNeo4jConfig, loadConfig } from '../src/core/config';
import { PROJECT_ROOT } from '../src/core/paths';
import { freePort } from '../src/core/ports';
import type { Progress } from '../src/core/progress';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j/local-server';

/**
 * The pieces of a database-outage run, shared by `npm run bench:outage` and tests/integration/outage.test.ts:
 * a closed-loop GraphQL load, a /readyz prober, a Bolt-port prober, and the figures computed from what they saw.
 * Times are milliseconds of performance.now().
 */

/** One answered (or abandoned) request. */
export interface Sample {
  start: number;
  end: number;
  /** HTTP status; 0 when the client gave up (its own timeout) or the connection failed. */
  status: number;
  /** True when the response had data and no error. */
  ok: boolean;
  /** The first error code of the response, or 'CLIENT_TIMEOUT' / 'NETWORK' when there was no response. */
  code: string | null;
  /** What went wrong when there was no usable response (the client's error), for the report. */
  detail?: string;
}

/** Queries a client sends in turn: a lookup and a search, both over the seed corpus. */
export const OUTAGE_QUERIES = [
  '{ entity(id: "eric-garcetti") { id name } }',
  '{ search(text: "sanctuary", first: 5) { id name } }',
];

interface GraphQLBody {
  data?: unknown;
  errors?: { extensions?: { code?: string } }[];
}

async function timed(run: () => Promise<Omit<Sample, 'start' | 'end'>>): Promise<Sample> {
  const start = performance.now();
  const outcome = await run();
  return { start, end: performance.now(), ...outcome };
}

function failure(err: unknown): Omit<Sample, 'start' | 'end'> {
  const name = (err as { name?: string }).name;
  return {
    status: 0,
    ok: false,
    code: name === 'TimeoutError' || name === 'AbortError' ? 'CLIENT_TIMEOUT' : 'NETWORK',
    detail: `${String(err)}${(err as { cause?: unknown }).cause ? ` (${String((err as { cause?: unknown }).cause)})` : ''}`,
  };
}

/** One GraphQL POST, given up after clientTimeoutMs. */
export function postQuery(url: string, query: string, clientTimeoutMs: number): Promise<Sample> {
  return timed(async () => {
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(clientTimeoutMs),
      });
      const body = (await res.json()) as GraphQLBody;
      const code = body.errors?.[0]?.extensions?.code ?? (body.errors ? 'UNKNOWN' : null);
      return { status: res.status, ok: res.status === 200 && !body.errors && body.data != null, code };
    } catch (err) {
      return failure(err);
    }
  });
}

/** One GET of /readyz, given up after clientTimeoutMs; ok when it answered 200. */
export function probeReadiness(url: string, clientTimeoutMs: number): Promise<Sample> {
  return timed(async () => {
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(clientTimeoutMs) });
      await res.arrayBuffer();
      return { status: res.status, ok: res.status === 200, code: null };
    } catch (err) {
      return failure(err);
    }
  });
}

/** Sends each query until it succeeds: the first queries of a new server plan their statements. */
export async function warmUp(url: string): Promise<void> {
  for (const query of OUTAGE_QUERIES) {
    while (!(await postQuery(url, query, 60_000)).ok) await new Promise((r) => setTimeout(r, 500));
  }
}

/** Runs `clients` closed loops (each sends its next request when the last one is answered) until stopped. */
export function closedLoop(
  url: string,
  options: { clients: number; clientTimeoutMs: number; running: () => boolean },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const client = async (index: number): Promise<void> => {
    for (let i = index; options.running(); i += 1) {
      samples.push(await postQuery(url, OUTAGE_QUERIES[i % OUTAGE_QUERIES.length]!, options.clientTimeoutMs));
    }
  };
  return Promise.all(Array.from({ length: options.clients }, (_, i) => client(i))).then(() => samples);
}

/** Polls /readyz every intervalMs (one probe at a time) until stopped. */
export async function readinessLoop(
  url: string,
  options: { intervalMs: number; clientTimeoutMs: number; running: () => boolean },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  while (options.running()) {
    const sample = await probeReadiness(url, options.clientTimeoutMs);
    samples.push(sample);
    await new Promise((r) => setTimeout(r, Math.max(0, options.intervalMs - (sample.end - sample.start))));
  }
  return samples;
}

/** True when something accepts a TCP connection on 127.0.0.1:port within timeoutMs. */
export function tcpAccepting(port: number, timeoutMs = 200): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (up: boolean): void => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves with the time the port first accepts a connection, polling every intervalMs, or null if stopped. */
export async function whenAccepting(
  port: number,
  options: { intervalMs: number; running: () => boolean },
): Promise<number | null> {
  while (options.running()) {
    if (await tcpAccepting(port)) return performance.now();
    await new Promise((r) => setTimeout(r, options.intervalMs));
  }
  return null;
}

/** The value at quantile q (0..1) of values, by the nearest-rank method; NaN when there are none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Answer-time figures of a set of samples. */
export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max answer time of samples. */
export function latency(samples: Sample[]): Latency {
  const ms = samples.map((s) => s.end - s.start);
  return { count: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: ms.length ? Math.max(...ms) : NaN };
}

/** When the database went down and came back. */
export interface OutageTimes {
  killed: number;
  /** When its Bolt port accepted a TCP connection again. */
  boltBack: number;
  /** When a query sent straight to the database first succeeded after that (null when not asked). */
  databaseAnswers: number | null;
}

/** The figures of point 3 of the outage issue, from one run. */
export interface OutageFigures {
  /** Requests started while the database was down. */
  during: Latency & { codes: Record<string, number> };
  /** Requests started after Bolt was back. */
  after: Latency & { failed: number };
  /** From Bolt accepting to the first successful response of a request started after the kill. */
  firstSuccessMs: number;
  /** From Bolt accepting to the first answer of a query sent straight to the database (NaN if not asked). */
  databaseAnswersMs: number;
  /** From Bolt accepting to the end of the last failed request: every request ending later succeeded. */
  lastFailureMs: number;
  /** Answer times before the kill, and in the last third of the time after Bolt accepted again. */
  steady: { before: Latency; end: Latency };
  /**
   * From Bolt accepting to the end of the last request that failed or took longer than slowMs: every
   * request ending later succeeded within slowMs.
   */
  fullServiceMs: number;
  /** Longest wait for /readyz during and after the outage, and when it first said 200 after Bolt was back. */
  readiness: { maxDuringMs: number; maxAfterMs: number; firstReadyAfterMs: number; duringStatuses: number[] };
  /** Every request of the run. */
  overall: Latency;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** Computes the outage figures from the samples of a run. */
export function outageFigures(requests: Sample[], probes: Sample[], times: OutageTimes, slowMs = 1000): OutageFigures {
  const during = requests.filter((s) => s.start >= times.killed && s.start < times.boltBack);
  const after = requests.filter((s) => s.start >= times.boltBack);
  const sinceKill = requests.filter((s) => s.start >= times.killed);
  const firstSuccess = Math.min(...sinceKill.filter((s) => s.ok).map((s) => s.end));
  const degraded = sinceKill.filter((s) => !s.ok || s.end - s.start > slowMs);
  const lastFailure = Math.max(times.boltBack, ...sinceKill.filter((s) => !s.ok).map((s) => s.end));
  const runEnd = Math.max(...requests.map((s) => s.end));
  const endStart = runEnd - (runEnd - times.boltBack) / 3;
  const lastDegraded = Math.max(times.boltBack, ...degraded.map((s) => s.end));
  const probesDuring = probes.filter((s) => s.start >= times.killed && s.start < times.boltBack);
  const probesAfter = probes.filter((s) => s.start >= times.boltBack);
  const firstReady = Math.min(...probesAfter.filter((s) => s.ok).map((s) => s.end));
  return {
    during: { ...latency(during), codes: countBy(during.map((s) => s.code ?? 'OK')) },
    after: { ...latency(after), failed: after.filter((s) => !s.ok).length },
    firstSuccessMs: firstSuccess - times.boltBack,
    databaseAnswersMs: (times.databaseAnswers ?? Number.NaN) - times.boltBack,
    lastFailureMs: lastFailure - times.boltBack,
    steady: {
      before: latency(requests.filter((s) => s.end < times.killed)),
      end: latency(requests.filter((s) => s.start >= endStart)),
    },
    fullServiceMs: lastDegraded - times.boltBack,
    readiness: {
      maxDuringMs: Math.max(...probesDuring.map((s) => s.end - s.start)),
      maxAfterMs: Math.max(...probesAfter.map((s) => s.end - s.start)),
      firstReadyAfterMs: firstReady - times.boltBack,
      duringStatuses: [...new Set(probesDuring.map((s) => s.status))].sort(),
    },
    overall: latency(requests),
  };
}

/** What an outage run saw: every request, every readiness probe, and when the database went and came back. */
export interface OutageRun {
  requests: Sample[];
  probes: Sample[];
  times: OutageTimes;
}

/** How an outage run loads the service and breaks its database. */
export interface OutageScenario {
  url: string;
  boltPort: number;
  clients: number;
  /** Load before the kill, after Bolt is back, and how long the database stays down. */
  warmupMs: number;
  outageMs: number;
  afterMs: number;
  /** A client gives up a request (or probe) after this long, so a run is bounded in time. */
  clientTimeoutMs: number;
  /** Kills the database (kill -9) and resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts the database again on the same data; may resolve after Bolt accepts. */
  restart(): Promise<void>;
  /** Optional: one query straight to the database, not through the service, to time when it answers again. */
  askDatabase?: () => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The time ask() first succeeds, asking every 100 ms (one question at a time), or null if stopped first. */
async function untilAnswered(ask: () => Promise<void>, running: () => boolean): Promise<number | null> {
  while (running()) {
    try {
      await ask();
      return performance.now();
    } catch {
      await sleep(100);
    }
  }
  return null;
}

/**
 * Loads the service with a closed loop and probes /readyz every 250 ms; kills the database after the
 * warm-up, restarts it after the outage, and keeps the load on for afterMs once Bolt accepts again.
 */
export async function runOutage(scenario: OutageScenario): Promise<OutageRun> {
  let running = true;
  const isRunning = (): boolean => running;
  const load = closedLoop(scenario.url, {
    clients: scenario.clients,
    clientTimeoutMs: scenario.clientTimeoutMs,
    running: isRunning,
  });
  const probes = readinessLoop(scenario.url, {
    intervalMs: 250,
    clientTimeoutMs: scenario.clientTimeoutMs,
    running: isRunning,
  });
  try {
    await sleep(scenario.warmupMs);
    const killed = performance.now();
    await scenario.kill();
    const boltWatch = whenAccepting(scenario.boltPort, { intervalMs: 50, running: isRunning });
    await sleep(Math.max(0, scenario.outageMs - (performance.now() - killed)));
    await scenario.restart();
    const boltBack = await boltWatch;
    if (boltBack === null) throw new Error('the Bolt port never accepted a connection again');
    const answers = scenario.askDatabase ? untilAnswered(scenario.askDatabase, isRunning) : Promise.resolve(null);
    await sleep(Math.max(0, scenario.afterMs - (performance.now() - boltBack)));
    running = false;
    const databaseAnswers = await answers;
    return { requests: await load, probes: await probes, times: { killed, boltBack, databaseAnswers } };
  } finally {
    running = false;
    await Promise.allSettled([load, probes]);
  }
}

/** A Neo4j of an outage run's own, which may be killed: the launcher's, on free ports, in a temp dir. */
export interface ScratchNeo4j {
  /** The running server; null between a kill and the next start. */
  current: LocalNeo4j | null;
  config: LocalNeo4jConfig;
  /** kill -9 of the JVM, as OutageScenario.kill. */
  kill(): Promise<void>;
  /** A new start on the same data, as OutageScenario.restart. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

/** Starts a scratch Neo4j for an outage run with the project's own launcher. */
export async function startScratchNeo4j(progress: Progress): Promise<ScratchNeo4j> {
  const home = await mkdtemp(join(tmpdir(), 'outage-neo4j-'));
  const config = loadConfig(
    {
      NEO4J_LOCAL_DIR: join(home, 'neo4j'),
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
    },
    PROJECT_ROOT,
  ).local;
  const scratch: ScratchNeo4j = {
    current: null,
    config,
    async kill() {
      const down = scratch.current;
      if (!down) return;
      scratch.current = null;
      process.kill(down.pid, 'SIGKILL');
      // Reaps the launcher's watchdog; the JVM is already gone.
      await down.stop();
    },
    async restart() {
      scratch.current = await startLocalNeo4j(config, { progress });
    },
    async dispose() {
      await scratch.current?.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
  try {
    await scratch.restart();
  } catch (err) {
    await scratch.dispose();
    throw err;
  }
  return scratch;
}
