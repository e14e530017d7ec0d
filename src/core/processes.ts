import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** True while a process with this pid exists (signal 0 tests for it without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until pid is gone, up to ms; true when it is. */
export async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !alive(pid);
}

/**
 * Stops pid: SIGTERM, then SIGKILL when it is still there after graceMs. True when it exited on SIGTERM (or
 * was already gone), false when it had to be killed.
 */
export async function terminate(pid: number, graceMs: number): Promise<boolean> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return true;
  }
  if (await waitForExit(pid, graceMs)) return true;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await waitForExit(pid, 5_000);
  return false;
}

/**
 * Watches this process from outside: when the launcher dies without stopping the server (kill -9), the
 * watchdog's stdin closes and it stops the JVM, so no orphan server outlives the process that started it.
 */
export function startWatchdog(jvmPid: number, name: string): ChildProcess {
  const script =
    'cat >/dev/null 2>&1; kill -TERM "$1" 2>/dev/null || exit 0; i=0; ' +
    'while kill -0 "$1" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i+1)); done; kill -KILL "$1" 2>/dev/null; exit 0';
  const watchdog = spawn('/bin/sh', ['-c', script, name, String(jvmPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  watchdog.unref();
  return watchdog;
}

/** What `java -version` says: the major version (0 when unreadable) and the full runtime build, e.g. 17.0.15+6-Debian-1deb12u1. */
export interface JavaVersion {
  major: number;
  runtime: string;
}

/** The version of the java on PATH, or null when there is none. */
export function javaVersion(): JavaVersion | null {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) return null;
  const text = `${probe.stderr}${probe.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  // The runtime's build names the exact JVM (vendor patches included): what a class-data archive depends on.
  const runtime = /\(build ([^)]+)\)/.exec(text)?.[1] ?? /version "([^"]+)"/.exec(text)?.[1] ?? 'unknown';
  if (!match) return { major: 0, runtime };
  // Java 8 and older call themselves "1.8".
  return { major: match[1] === '1' ? Number(match[2] ?? 0) : Number(match[1]), runtime };
}

/** The major version `java -version` reports, or null when there is no java on PATH. */
export function javaMajorVersion(): number | null {
  return javaVersion()?.major ?? null;
}
