import { closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress } from '../core/progress';

/**
 * Who uses the embedded server of one home. Every process that uses it holds a lease file
 * (run/leases/<pid>-<n>); start, attach and stop decisions are taken under one lock file
 * (run/launcher.lock, created exclusively, holding the holder's pid), which the watchdog shell takes too.
 * See docs/operations.md ("The embedded Neo4j: who starts it, who stops it").
 */

/** Where the server's run-time state lives in its home. */
export function runPaths(home: string): {
  run: string;
  lock: string;
  leases: string;
  state: string;
  pid: string;
} {
  const run = join(home, 'run');
  return {
    run,
    lock: join(run, 'launcher.lock'),
    leases: join(run, 'leases'),
    state: join(run, 'server.json'),
    pid: join(run, 'launcher.pid'),
  };
}

/** What a starter records for the processes that attach later (no secret: the password stays in credentials.json). */
export interface ServerState {
  jvmPid: number;
  uri: string;
  /** Null when the server was started without its HTTP connector (the service and the CLIs use Bolt only). */
  httpPort: number | null;
  version: string;
  /** The process that started it (its first owner). */
  startedBy: number;
  startedAt: string;
  /** True when the JVM writes its class-data archive at exit (its first start): its stop is given longer. */
  writesClassData?: boolean;
}

/** True while a process with this pid exists (signal 0 tests for it without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const LOCK_WAIT_MS = 300_000;

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Runs fn holding the home's lock. A lock whose holder has died is taken over; a live holder (a process
 * starting or stopping the server) is waited for, since its start includes waiting for Bolt.
 */
export async function withHomeLock<T>(home: string, progress: Progress, fn: () => Promise<T>): Promise<T> {
  const { run, lock } = runPaths(home);
  await mkdir(run, { recursive: true });
  const started = Date.now();
  let lastNote = started;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readPid(lock);
    // A holder that has just created the file has not written its pid yet: wait a moment before judging it.
    if ((holder !== null && !alive(holder)) || (holder === null && ageMs(lock) > 5_000)) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new Error(`${lock} has been held by pid ${holder ?? '?'} for ${LOCK_WAIT_MS / 1000} s; is it stuck?`);
    }
    if (Date.now() - lastNote > 10_000) {
      progress.info(`  …waiting for pid ${holder ?? '?'}, which is starting or stopping the Neo4j on ${home}`);
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

let leaseCount = 0;

/** Records that this process uses the server; returns the lease's file, to give back with removeLease. */
export async function addLease(home: string): Promise<string> {
  const { leases } = runPaths(home);
  await mkdir(leases, { recursive: true, mode: 0o700 });
  leaseCount += 1;
  const file = join(leases, `${process.pid}-${leaseCount}`);
  await writeFile(file, `${new Date().toISOString()}\n`, { mode: 0o600 });
  return file;
}

/** Gives a lease back. */
export async function removeLease(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Pids of the live processes holding a lease, except the given lease files; leases of dead processes are removed. */
export function liveLeaseHolders(home: string, except: string[] = []): number[] {
  const { leases } = runPaths(home);
  let names: string[];
  try {
    names = readdirSync(leases);
  } catch {
    return [];
  }
  const holders = new Set<number>();
  for (const name of names) {
    const file = join(leases, name);
    if (except.includes(file)) continue;
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) holders.add(pid);
    else void rm(file, { force: true });
  }
  return [...holders];
}

/** The state a starter recorded, or null. */
export async function readServerState(home: string): Promise<ServerState | null> {
  try {
    return JSON.parse(await readFile(runPaths(home).state, 'utf8')) as ServerState;
  } catch {
    return null;
  }
}

/** Records the started server for later processes (owner-only permissions). */
export async function writeServerState(home: string, state: ServerState): Promise<void> {
  const { state: file, pid } = runPaths(home);
  await writeFile(pid, `${state.jvmPid}\n`);
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** Forgets the server (it has stopped). */
export async function clearServerState(home: string): Promise<void> {
  const { state, pid } = runPaths(home);
  await rm(state, { force: true });
  await rm(pid, { force: true });
}
