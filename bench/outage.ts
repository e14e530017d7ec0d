import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/core/paths';
import { lineProgress } from '../src/core/progress';
import { type Latency, type OutageFigures, outageFigures } from './outage-figures';
import { probeReadiness, runOutage, warmUp } from './outage-load';
import { type ScratchNeo4j, startScratchNeo4j } from './scratch-neo4j';
import { withDeadline } from '../src/core/availability';
import neo4jDriver from 'neo4j-driver';

/**
 * How the service lives through a database outage: `npm run bench:outage -- [--clients=16] [--warmup=5]
 * [--outage=20] [--after=15]` (seconds). It starts its own Neo4j (the project's launcher, free ports, a temp
 * dir) and the service (`node dist/src/main.js`, seeded) against it, loads it with a closed loop of clients on
 * 127.0.0.1, kills the JVM with SIGKILL, starts it again on the same data, and reports the answer times during
 * the outage and how soon after Bolt accepts again the service answers fully. The service reads the usual
 * environment, so the bounds (NEO4J_*_TIMEOUT_MS, READINESS_TIMEOUT_MS) can be varied from the command line.
 */

interface Options {
  clients: number;
  warmupMs: number;
  outageMs: number;
  afterMs: number;
  /** Where to write every sample of the run as JSON, for a closer look. */
  samplesFile: string | undefined;
  /**
   * Where to write the service's output: with LOG_LEVEL=debug NODE_ENV=production it holds the availability
   * events as JSON lines (gate closed, probe answered, each warm-up statement, gate opened), in epoch ms.
   */
  serviceLog: string | undefined;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    const parsed = arg ? Number(arg.slice(name.length + 3)) : fallback;
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number (got ${arg})`);
    return parsed;
  };
  return {
    clients: Math.round(value('clients', 16)),
    warmupMs: value('warmup', 5) * 1000,
    outageMs: value('outage', 20) * 1000,
    afterMs: value('after', 15) * 1000,
    samplesFile: argv.find((a) => a.startsWith('--samples='))?.slice('--samples='.length),
    serviceLog: argv.find((a) => a.startsWith('--service-log='))?.slice('--service-log='.length),
  };
}

/** The service's address, from its start-up line, once /readyz says ready. */
async function waitUntilReady(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output()}`);
    const url = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output())?.[1];
    if (url && (await probeReadiness(url, 2_000)).ok) return url;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the service was not ready within 300 s:\n${output()}`);
}

const ms = (n: number): string => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');
const row = (label: string, l: Latency): string =>
  `| ${label} | ${l.count} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.max)} |`;

function report(figures: OutageFigures, options: Options): string {
  return [
    `Closed loop of ${options.clients} clients; database down for ${options.outageMs / 1000} s (kill -9, then a new start).`,
    '',
    '| requests | count | p50 | p99 | max |',
    '|---|---:|---:|---:|---:|',
    row('started while the database was down', figures.during),
    row('started after Bolt accepted again', figures.after),
    row('whole run', figures.overall),
    row('before the kill', figures.steady.before),
    row('last third of the time after Bolt was back', figures.steady.end),
    '',
    `- answers while down: ${JSON.stringify(figures.during.codes)}`,
    `- failed requests started after Bolt was back: ${figures.after.failed}`,
    `- Bolt accepting → the database answers a query sent straight to it: ${ms(figures.databaseAnswersMs)}`,
    `- Bolt accepting → first successful response: ${ms(figures.firstSuccessMs)}`,
    `- Bolt accepting → last failed response (every later request succeeds): ${ms(figures.lastFailureMs)}`,
    `- Bolt accepting → full service (every later request succeeds within 1 s): ${ms(figures.fullServiceMs)}`,
    `- the database answering → full service: ${ms(figures.fullServiceMs - figures.databaseAnswersMs)}`,
    `- /readyz while down: statuses ${figures.readiness.duringStatuses.join(', ')}, slowest ${ms(figures.readiness.maxDuringMs)}`,
    `- /readyz after Bolt was back: slowest ${ms(figures.readiness.maxAfterMs)}, first 200 after ${ms(figures.readiness.firstReadyAfterMs)}`,
  ].join('\n');
}

/** One RETURN 1 on a fresh driver, bounded like the service's probe: when does the database itself answer? */
async function askDatabase(neo4j: ScratchNeo4j): Promise<void> {
  const server = neo4j.current;
  if (!server) throw new Error('not started yet');
  const driver = neo4jDriver.driver(server.uri, neo4jDriver.auth.basic(server.user, server.password), {
    connectionTimeout: 1_000,
    connectionAcquisitionTimeout: 1_000,
  });
  try {
    await withDeadline(driver.executeQuery('RETURN 1', {}, { database: 'neo4j' }), 1_000, 'the database');
  } finally {
    void driver.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const progress = lineProgress();
  const neo4j = await startScratchNeo4j(progress);
  let service: ChildProcess | null = null;
  try {
    const server = neo4j.current!;
    let output = '';
    service = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        // A port the OS picks: one chosen in advance may be taken while the corpus loads.
        PORT: '0',
        NEO4J_URI: server.uri,
        NEO4J_USER: server.user,
        NEO4J_PASSWORD: server.password,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        SEED_ON_EMPTY: 'true',
        // Every request must reach the database the bench kills: a cached answer would hide the outage.
        RESPONSE_CACHE: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = service;
    started.stdout!.on('data', (d) => (output += d));
    started.stderr!.on('data', (d) => (output += d));
    progress.info('Starting the service (seeding the sample corpus)…');
    const url = await waitUntilReady(started, () => output);
    // The first queries of a new server plan their statements: warm them up so "before the kill" is warm.
    await warmUp(url);

    progress.info(`Running: ${options.clients} clients, kill -9 after ${options.warmupMs / 1000} s…`);
    const events: Record<string, number> = {};
    const run = await runOutage({
      url,
      boltPort: neo4j.config.boltPort,
      clients: options.clients,
      warmupMs: options.warmupMs,
      outageMs: options.outageMs,
      afterMs: options.afterMs,
      clientTimeoutMs: 30_000,
      kill: async () => {
        await neo4j.kill();
        progress.info('Neo4j killed (SIGKILL).');
      },
      askDatabase: () => askDatabase(neo4j),
      restart: async () => {
        progress.info('Starting Neo4j again on the same data…');
        events.restartBegun = performance.now();
        await neo4j.restart();
        events.launcherUp = performance.now();
      },
    });
    const figures = outageFigures(run.requests, run.probes, run.times);
    // performance.timeOrigin turns the samples' times into epoch ms, the clock of the service's log.
    if (options.samplesFile)
      await writeFile(options.samplesFile, JSON.stringify({ ...run, events, timeOrigin: performance.timeOrigin }));
    if (options.serviceLog) await writeFile(options.serviceLog, output);
    process.stdout.write(`\n${report(figures, options)}\n\n${JSON.stringify(figures)}\n`);
  } finally {
    service?.kill('SIGTERM');
    if (service && service.exitCode === null) await new Promise((r) => service!.once('exit', r));
    await neo4j.dispose();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
