import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type OutageTimes, type Sample } from './outage-figures';

/**
 * The pieces of a database-outage run, shared by `npm run bench:outage` and tests/integration/outage.test.ts:
 * a closed-loop GraphQL load, a /readyz prober, a Bolt-port prober, and the figures computed from what they saw.
 * Times are milliseconds of performance.now().
 */

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
