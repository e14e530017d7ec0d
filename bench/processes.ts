import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';
import { freePort } from '../src/core/ports';
import type { LoadResult } from './load';

/**
 * The benchmark's child processes: the loader (bench/load.ts, so that its peak RSS is its own), this
 * service and the @neo4j/graphql server, each on the database under test.
 */

/** How a child reaches the database under test. */
export interface Conn {
  uri: string;
  user: string;
  password: string;
}

/** A server in a child process, and how to stop it. */
export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The compiled service entry point (`npm run build` first). */
export const MAIN_JS = join(PROJECT_ROOT, 'dist', 'src', 'main.js');

function childEnv(conn: Conn, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    ...extra,
  };
}

/** Loads one size in a child process and returns the figures it prints; rejects on failure or timeout. */
export async function runLoad(size: string, conn: Conn, timeoutMs: number): Promise<LoadResult> {
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

/** Polls check every 50 ms until it resolves true; throws naming `what` after timeoutMs. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after a minute; resolves when the child has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
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

/**
 * This service (`node dist/src/main.js`) on a free port, ready when /readyz answers; `extra` adds or
 * overrides variables of its environment (bench:feed's poll interval, for one).
 */
export async function startOurs(conn: Conn, extra: Record<string, string> = {}, readyMs = 60_000): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN_JS], {
    env: childEnv(conn, {
      PORT: String(port),
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      MAX_QUERY_COST: '1000000',
      // The benchmark repeats each query: it measures the compiled Cypher, not answers kept in memory.
      RESPONSE_CACHE: 'false',
      ...extra,
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${url}/readyz`)).ok, readyMs, 'service');
  } catch (error) {
    // A service that never got ready is stopped here: the caller has no handle to stop it with.
    await stopChild(child);
    throw error;
  }
  return { url: `${url}/graphql`, child, stop: () => stopChild(child) };
}

/** The @neo4j/graphql server (bench/neo4j-graphql-server.ts) on a free port, ready when it prints LISTENING. */
export async function startNeo4jGraphql(conn: Conn): Promise<Server> {
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
