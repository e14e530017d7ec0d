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
 * The embedded default as a user runs it: `npm run neo4j` (its compiled entry point), on free ports, in a
 * throw-away home. Each start costs a JVM start, so the scenarios share one home in order.
 */
const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'neo4j.js');

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

interface Started {
  child: ChildProcess;
  output: () => string;
  password: string;
  jvmPid: number;
}

async function startCli(): Promise<Started> {
  const child = spawn(process.execPath, [CLI], { env, cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const up = await until(() => output.includes('Press Ctrl-C to stop it.') || child.exitCode !== null, 120_000);
  if (!up || child.exitCode !== null) throw new Error(`npm run neo4j did not start:\n${output}`);
  const password = /Password:\s+(\S+)/.exec(output)![1]!;
  const jvmPid = Number(readFileSync(join(home, 'neo4j', 'run', 'launcher.pid'), 'utf8'));
  return { child, output: () => output, password, jvmPid };
}

async function query(password: string, cypher: string): Promise<unknown[]> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${env.NEO4J_LOCAL_BOLT_PORT}`, neo4j.auth.basic('neo4j', password), {
    disableLosslessIntegers: true,
  });
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (pretest)`);
  home = await mkdtemp(join(tmpdir(), 'launcher-test-'));
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_LOCAL_DIR: join(home, 'neo4j'),
    NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
    NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
    // These scenarios are about who starts and stops the server; the class-data archive has its own tests.
    NEO4J_LOCAL_CLASS_DATA: 'false',
  };
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

// Each scenario starts and stops a JVM, up to twice: generous limits for a busy two-core machine.
jest.setTimeout(240_000);

describe('npm run neo4j (the embedded default)', () => {
  let first: Started;

  it('starts a real Neo4j 5.26 on 127.0.0.1 and prints its bolt URI and credentials', async () => {
    first = await startCli();
    expect(first.output()).toContain(`Bolt URI:  bolt://127.0.0.1:${env.NEO4J_LOCAL_BOLT_PORT}`);
    expect(first.output()).toMatch(/User:\s+neo4j/);
    // npm run neo4j asks for the HTTP connector; the service and the CLIs start Neo4j with Bolt only.
    expect(first.output()).toContain(`HTTP:      http://127.0.0.1:${env.NEO4J_LOCAL_HTTP_PORT}/`);
    const [row] = await query(first.password, 'CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    expect(row).toEqual({ v: '5.26.30' });
    await query(first.password, 'CREATE (:LauncherTestMarker {run: 1})');
  });

  it('leaves no JVM behind when the launcher is killed with SIGKILL', async () => {
    first.child.kill('SIGKILL');
    expect(await until(() => !alive(first.jvmPid), 45_000)).toBe(true);
  });

  it('starts again on the same data after that, and stops cleanly on SIGINT', async () => {
    const second = await startCli();
    expect(await query(second.password, 'MATCH (m:LauncherTestMarker) RETURN m.run AS run')).toEqual([{ run: 1 }]);
    expect(second.password).toBe(first.password);
    second.child.kill('SIGINT');
    expect(await until(() => second.child.exitCode !== null, 45_000)).toBe(true);
    expect(second.child.exitCode).toBe(0);
    expect(alive(second.jvmPid)).toBe(false);
    expect(existsSync(join(home, 'neo4j', 'run', 'launcher.pid'))).toBe(false);
  });

  it('stops a server left running by a killed launcher (and its watchdog) before starting a new one', async () => {
    const third = await startCli();
    // Simulate the worst case: the launcher and its watchdog both die, the JVM lives on.
    const watchdogs = spawn('pkill', ['-KILL', '-f', `neo4j-watchdog ${third.jvmPid}`]);
    await new Promise((r) => watchdogs.on('close', r));
    third.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(third.jvmPid)).toBe(true);

    const fourth = await startCli();
    expect(fourth.output()).toContain(`(pid ${third.jvmPid}) is still running`);
    expect(alive(third.jvmPid)).toBe(false);
    expect(await query(fourth.password, 'MATCH (m:LauncherTestMarker) RETURN count(m) AS n')).toEqual([{ n: 1 }]);
    fourth.child.kill('SIGTERM');
    expect(await until(() => fourth.child.exitCode !== null && !alive(fourth.jvmPid), 45_000)).toBe(true);
  });
});

describe('npm start with a bad variable', () => {
  it('fails at once with one message naming the variable', async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env: { PATH: process.env.PATH, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Invalid configuration: PORT Invalid input: expected number, received NaN (got "eighty")',
    );
  });
});
