import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/core/config';
import { freePort } from '../src/core/ports';
import { javaBelow, rssMb } from './measure';
import { MAIN_JS, stopChild, waitFor } from './processes';
import type { StartupResult } from './results';

/** Whether the Neo4j jars are already in NEO4J_LOCAL_LIB_DIR, so that the cold start downloads nothing. */
function jarsAreCached(): boolean {
  const libDir = loadConfig({}).local.libDir;
  const version = loadConfig({}).local.version;
  try {
    return readFileSync(join(libDir, `neo4j-${version}`, '.complete'), 'utf8').length >= 0;
  } catch {
    try {
      execSync(`ls ${join(libDir, `neo4j-${version}`)}/*.jar >/dev/null 2>&1`);
      return true;
    } catch {
      return false;
    }
  }
}

/** Cold and warm start of the service (`node dist/src/main.js`) with its own local Neo4j in a temp home. */
export async function measureStartup(): Promise<StartupResult> {
  const home = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const result: StartupResult = {
    jarsCached: jarsAreCached(),
    coldMs: null,
    warmMs: null,
    apiIdleMb: null,
    neo4jIdleMb: null,
    error: null,
  };
  const startOnce = async (): Promise<{ ms: number; child: ChildProcess }> => {
    const port = await freePort();
    const env = {
      ...process.env,
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_LOCAL_DIR: join(home, 'neo4j'),
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    const t0 = performance.now();
    const child = spawn(process.execPath, [MAIN_JS], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 300_000, 'service start');
    return { ms: performance.now() - t0, child };
  };
  try {
    const cold = await startOnce();
    result.coldMs = cold.ms;
    await stopChild(cold.child);
    const warm = await startOnce();
    result.warmMs = warm.ms;
    await new Promise((r) => setTimeout(r, 2000));
    result.apiIdleMb = rssMb(warm.child.pid!);
    const java = javaBelow(warm.child.pid!);
    result.neo4jIdleMb = java ? rssMb(java) : null;
    await stopChild(warm.child);
  } catch (err) {
    result.error = (err as Error).message;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return result;
}
