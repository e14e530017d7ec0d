import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';
import { freePort } from '../src/core/ports';
import { alive, runPaths } from '../src/neo4j/lease';
import { waitFor } from './processes';

/**
 * `npm start` as a user runs it, on a fresh clone: the first start (cold: build everything, create the Neo4j
 * home, migrate, seed), then warm starts, each timed from the spawn of `npm start` to the first 200 of /readyz,
 * each stopped with SIGINT to its process group (Ctrl-C), and each waited for until its Neo4j JVM has exited,
 * so that every warm start starts Neo4j again as a user's next day does.
 *
 * Usage: npm run build && node dist/bench/warm-start.js [--runs=3] [--clone=/tmp/warm-clone] [--source=<repo>]
 * The clone shares node_modules and .data/lib (the Neo4j jars) with the source checkout through symlinks.
 */

interface Options {
  runs: number;
  clone: string;
  source: string;
}

function options(argv: string[]): Options {
  const value = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return {
    runs: Number(value('runs') ?? 3),
    clone: value('clone') ?? '/tmp/warm-clone',
    source: value('source') ?? PROJECT_ROOT,
  };
}

/** A fresh clone of the source's checked-out branch, with its node_modules and jars linked in. */
function freshClone(source: string, clone: string): void {
  rmSync(clone, { recursive: true, force: true });
  const branch = execFileSync('git', ['-C', source, 'rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--branch', branch, source, clone]);
  symlinkSync(join(source, 'node_modules'), join(clone, 'node_modules'));
  mkdirSync(join(clone, '.data'));
  symlinkSync(join(source, '.data', 'lib'), join(clone, '.data', 'lib'));
}

/** The pid of the clone's Neo4j JVM as its run state records it, or null. */
function jvmPid(clone: string): number | null {
  const state = runPaths(join(clone, '.data', 'neo4j')).state;
  if (!existsSync(state)) return null;
  try {
    return (JSON.parse(readFileSync(state, 'utf8')) as { jvmPid: number }).jvmPid;
  } catch {
    return null;
  }
}

interface Start {
  ms: number;
  /** The service's own "Ready in N s" line: the time after `node dist/src/main.js` began. */
  serviceLine: string | null;
}

/** One `npm start` in the clone, timed to /readyz 200, then stopped with its Neo4j. */
async function startOnce(clone: string, ports: Record<string, string>): Promise<Start> {
  const t0 = performance.now();
  // detached: its own process group, so that SIGINT reaches npm, the build and node as Ctrl-C would.
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: clone,
    env: { ...process.env, ...ports, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let ms: number;
  try {
    await waitFor(
      async () => child.exitCode !== null || (await fetch(`http://127.0.0.1:${ports.PORT}/readyz`)).status === 200,
      600_000,
      'npm start',
    );
    ms = performance.now() - t0;
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}: ${out.slice(-2000)}`);
  } finally {
    // Stopped on failure too, so that a failed run leaves no service or JVM behind.
    const jvm = jvmPid(clone);
    process.kill(-child.pid!, 'SIGINT');
    // Generous: the first stop also writes Neo4j's class-data archive (src/neo4j/class-data.ts).
    const kill = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 240_000);
    await exited;
    clearTimeout(kill);
    if (jvm !== null) await waitFor(async () => !alive(jvm), 240_000, `Neo4j JVM ${jvm} exit`);
  }
  return { ms, serviceLine: /Ready in [\d.]+ s/.exec(out)?.[0] ?? null };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  freshClone(opts.source, opts.clone);
  const ports = {
    PORT: String(await freePort()),
    NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
    NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
  };
  const show = (label: string, s: Start): void =>
    console.log(`${label}: ${(s.ms / 1000).toFixed(1)} s to /readyz 200 (service: ${s.serviceLine ?? '?'})`);
  show('first start (fresh clone)', await startOnce(opts.clone, ports));
  const warm: number[] = [];
  for (let i = 1; i <= opts.runs; i++) {
    const s = await startOnce(opts.clone, ports);
    warm.push(s.ms);
    show(`warm start ${i}`, s);
  }
  const sorted = [...warm].sort((a, b) => a - b);
  console.log(
    `warm: median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(1)} s, ` +
      `min ${(sorted[0]! / 1000).toFixed(1)} s, max ${(sorted[sorted.length - 1]! / 1000).toFixed(1)} s`,
  );
}

main().catch((err: unknown) => {
  console.error(`warm-start bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
