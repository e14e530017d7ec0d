import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/core/paths';
import { freePort } from '../../src/core/ports';
import { alive } from '../../src/neo4j/local-server';

/**
 * Issue 15.1 as a user meets it: `npm start` in one terminal, `npm run ingest` in another, on the same
 * embedded home. Real processes (the compiled entry points), a real Neo4j started by the service.
 */
const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'main.js');
const INGEST = join(PROJECT_ROOT, 'dist', 'ingest', 'cli.js');
const LAUNCHER = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'neo4j.js');
const CORPUS = join(PROJECT_ROOT, 'ingest', 'corpus');
const [A, B, C] = ['000_5c8c8792612c7421', '001_ff022c1cbb6f11f8', '002_f389543f85fdb957'] as const;

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

let home: string;
let env: NodeJS.ProcessEnv;
let service: ChildProcess;
let serviceOutput = '';
let url: string;
/** Every process a test started, so that a failed test leaves none behind (the watchdog then stops the JVM). */
const children: ChildProcess[] = [];

function run(script: string, args: string[]): { child: ChildProcess; done: Promise<{ code: number; output: string }> } {
  const child = spawn(process.execPath, [script, ...args], {
    env,
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const done = new Promise<{ code: number; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, output })),
  );
  return { child, done };
}

/** Runs the CLIs while polling /readyz every 100 ms; returns their results and every status seen. */
async function whilePolling(
  runs: Promise<{ code: number; output: string }>[],
): Promise<{ results: { code: number; output: string }[]; statuses: number[] }> {
  const statuses: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      try {
        statuses.push((await fetch(`${url}/readyz`)).status);
      } catch {
        statuses.push(0);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const results = await Promise.all(runs);
  polling = false;
  await poller;
  return { results, statuses };
}

function serverState(): { jvmPid: number; uri: string } {
  return JSON.parse(readFileSync(join(home, 'neo4j', 'run', 'server.json'), 'utf8')) as { jvmPid: number; uri: string };
}

async function articleIds(): Promise<string[]> {
  const { password, user } = JSON.parse(readFileSync(join(home, 'neo4j', 'credentials.json'), 'utf8')) as {
    user: string;
    password: string;
  };
  const driver = neo4j.driver(serverState().uri, neo4j.auth.basic(user, password));
  try {
    const { records } = await driver.executeQuery('MATCH (a:Article) RETURN a.id AS id ORDER BY id');
    return records.map((r) => r.get('id') as string);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  for (const file of [MAIN, INGEST]) if (!existsSync(file)) throw new Error(`${file} is missing: npm test builds it`);
  home = await mkdtemp(join(tmpdir(), 'ingest-beside-'));
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_LOCAL_DIR: join(home, 'neo4j'),
    NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
    NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
    NEO4J_LOCAL_CLASS_DATA: 'false', // a throw-away home starts once: an archive would only slow its stop
    PORT: String(await freePort()),
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
  };
  const started = run(MAIN, []);
  service = started.child;
  service.stdout!.on('data', (d) => (serviceOutput += d));
  service.stderr!.on('data', (d) => (serviceOutput += d));
  const up = await until(() => /Ready in/.test(serviceOutput) || service.exitCode !== null, 180_000);
  if (!up || service.exitCode !== null) throw new Error(`the service did not start:\n${serviceOutput}`);
  url = /GraphQL at (http:\/\/\S+)\/graphql/.exec(serviceOutput)![1]!;
}, 240_000);

afterAll(async () => {
  const left = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of left) child.kill('SIGKILL');
  if (left.length > 0) await until(() => !existsSync(join(home, 'neo4j', 'run', 'server.json')), 45_000);
  await rm(home, { recursive: true, force: true });
});

jest.setTimeout(240_000);

describe('npm run ingest beside a running npm start (same embedded home)', () => {
  it('lands the article in the service database, which stays ready throughout and after', async () => {
    const { jvmPid } = serverState();
    const { results, statuses } = await whilePolling([run(INGEST, [join(CORPUS, `${A}.txt`)]).done]);
    const [cli] = results;
    expect(cli!.output).not.toContain('stopping it first');
    expect(cli!.output).toContain(`Using the Neo4j already running on ${join(home, 'neo4j')} (pid ${jvmPid}`);
    expect(cli!.output).toContain('1 created');
    expect(cli!.code).toBe(0);
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(alive(jvmPid)).toBe(true);
    expect(serverState().jvmPid).toBe(jvmPid);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(await articleIds()).toEqual([A]);
    // The password never reaches a terminal: it stays in the home's owner-only credentials file.
    const { password } = JSON.parse(readFileSync(join(home, 'neo4j', 'credentials.json'), 'utf8')) as {
      password: string;
    };
    expect(cli!.output).not.toContain(password);
  });

  it('a --dry-run neither starts nor stops a database', async () => {
    const { jvmPid } = serverState();
    const { results, statuses } = await whilePolling([run(INGEST, ['--dry-run', join(CORPUS, `${B}.txt`)]).done]);
    expect(results[0]!.code).toBe(0);
    expect(results[0]!.output).not.toMatch(/Starting Neo4j|stopping it|Leaving Neo4j/);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(alive(jvmPid)).toBe(true);
    expect(await articleIds()).toEqual([A]);
  });

  it('two CLIs at once both land their articles; neither stops the database', async () => {
    const { jvmPid } = serverState();
    const { results, statuses } = await whilePolling([
      run(INGEST, [join(CORPUS, `${B}.txt`)]).done,
      run(INGEST, [join(CORPUS, `${C}.txt`)]).done,
    ]);
    for (const r of results) {
      expect(r.output).toContain('1 created');
      expect(r.code).toBe(0);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(alive(jvmPid)).toBe(true);
    expect(await articleIds()).toEqual([A, B, C]);
  });

  it('the service, the last user, stops the database on SIGINT', async () => {
    const { jvmPid } = serverState();
    service.kill('SIGINT');
    // The first stop of a home also writes the JVM's class-data archive (docs/startup.md): up to 180 s.
    expect(await until(() => service.exitCode !== null, 200_000)).toBe(true);
    expect(service.exitCode).toBe(0);
    expect(await until(() => !alive(jvmPid), 10_000)).toBe(true);
    expect(existsSync(join(home, 'neo4j', 'run', 'server.json'))).toBe(false);
  });

  it('a CLI alone starts the database for itself and stops it when it leaves', async () => {
    const cli = await run(INGEST, [join(CORPUS, `${A}.txt`)]).done;
    expect(cli.code).toBe(0);
    expect(cli.output).toContain('Starting Neo4j');
    expect(cli.output).toContain('1 unchanged');
    expect(existsSync(join(home, 'neo4j', 'run', 'server.json'))).toBe(false);
    expect(existsSync(join(home, 'neo4j', 'run', 'launcher.pid'))).toBe(false);
  });
});

describe('the owner leaving first', () => {
  it('keeps the database up for a service attached to it; the service, last, stops it', async () => {
    const launcher = run(LAUNCHER, []);
    let launcherOutput = '';
    launcher.child.stdout!.on('data', (d) => (launcherOutput += d));
    expect(await until(() => launcherOutput.includes('Press Ctrl-C to stop it.'), 180_000)).toBe(true);
    const { jvmPid } = serverState();

    let output = '';
    const attached = run(MAIN, []).child;
    attached.stdout!.on('data', (d) => (output += d));
    attached.stderr!.on('data', (d) => (output += d));
    expect(await until(() => /Ready in/.test(output) || attached.exitCode !== null, 120_000)).toBe(true);
    expect(output).toContain(`(pid ${jvmPid}, started by pid ${launcher.child.pid})`);
    url = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output)![1]!;

    launcher.child.kill('SIGINT');
    const { results, statuses } = await whilePolling([launcher.done]);
    expect(results[0]!.output).toMatch(/Leaving Neo4j \(pid \d+\) running: pid \d+ still uses it/);
    // The watchdog checks every second: give it a few rounds to (wrongly) stop the server.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(alive(jvmPid)).toBe(true);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    attached.kill('SIGINT');
    expect(await until(() => attached.exitCode !== null, 60_000)).toBe(true);
    expect(await until(() => !alive(jvmPid), 10_000)).toBe(true);
    expect(existsSync(join(home, 'neo4j', 'run', 'server.json'))).toBe(false);
  });
});
