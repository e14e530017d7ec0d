/**
 * Neo4j's offline importer (`neo4j-admin database import full`) on the embedded home, from the jars the
 * launcher already resolves. It writes the store files directly, so the server must not be running: the
 * import holds the home's lock, so no process of the project starts the server meanwhile.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalNeo4jConfig } from '../core/config';
import type { Progress } from '../core/progress';
import { alive, liveLeaseHolders, readServerState, withHomeLock } from './lease';
import { adminToolEnv, prepareLocalHome } from './local-server';

/** Whether the home holds the store of `database` (false before its first start or import). */
export function localStoreExists(config: LocalNeo4jConfig, database: string): boolean {
  return existsSync(join(config.home, 'data', 'databases', database));
}

/** The embedded server is running or in use: the offline importer cannot write its store. */
export class LocalServerRunningError extends Error {
  constructor(home: string, detail: string) {
    super(
      `The embedded Neo4j on ${home} ${detail}: a bulk load writes the store offline. Stop the service and any ingest using it first.`,
    );
    this.name = 'LocalServerRunningError';
  }
}

/** Throws LocalServerRunningError when a server of this home runs or a live process holds a lease on it. */
export async function assertLocalServerStopped(home: string): Promise<void> {
  const state = await readServerState(home);
  if (state && alive(state.jvmPid)) {
    throw new LocalServerRunningError(home, `is running (pid ${state.jvmPid}, started by pid ${state.startedBy})`);
  }
  const users = liveLeaseHolders(home);
  if (users.length > 0) throw new LocalServerRunningError(home, `is in use by pid ${users.join(', ')}`);
}

/** The importer's progress output is lines of dots; the rest (stages, counts, errors) is worth a line. */
function worthALine(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && !text.startsWith('.....');
}

/**
 * Runs `neo4j-admin <args>` (org.neo4j.cli.AdminTool) on the stopped embedded home, forwarding its stage
 * and summary lines to progress; returns its output. Fails with the last lines of that output when it fails.
 */
export async function runOfflineImport(
  config: LocalNeo4jConfig,
  args: string[],
  progress: Progress,
): Promise<{ ms: number; output: string }> {
  const home = config.home;
  return withHomeLock(home, progress, async () => {
    await assertLocalServerStopped(home);
    const lib = await prepareLocalHome(config, progress);
    const started = Date.now();
    const child = spawn('java', ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', ...args], {
      env: adminToolEnv(home),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let partial = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (worthALine(line)) progress.info(`  neo4j-admin: ${line.trim()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c) => resolve(c ?? -1));
    });
    if (code !== 0) {
      const last = output.trimEnd().split('\n').slice(-20).join('\n');
      throw new Error(`neo4j-admin database import failed (exit ${code}) on ${home}:\n${last}`);
    }
    return { ms: Date.now() - started, output };
  });
}
