import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalNeo4jConfig, loadConfig } from '../src/core/config';
import { PROJECT_ROOT } from '../src/core/paths';
import { freePort } from '../src/core/ports';
import type { Progress } from '../src/core/progress';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j/local-server';
import { tcpAccepting } from './outage-load';

/** How long a killed JVM may take to let go of its Bolt port. */
const GONE_WITHIN_MS = 15_000;

/** A Neo4j of an outage run's own, which may be killed: the launcher's, on free ports, in a temp dir. */
export interface ScratchNeo4j {
  /** The running server; null between a kill and the next start. */
  current: LocalNeo4j | null;
  config: LocalNeo4jConfig;
  /** kill -9 of the JVM, as OutageScenario.kill. */
  kill(): Promise<void>;
  /** A new start on the same data, as OutageScenario.restart. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

/** Starts a scratch Neo4j for an outage run with the project's own launcher. */
export async function startScratchNeo4j(progress: Progress): Promise<ScratchNeo4j> {
  const home = await mkdtemp(join(tmpdir(), 'outage-neo4j-'));
  const config = loadConfig(
    {
      NEO4J_LOCAL_DIR: join(home, 'neo4j'),
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
      NEO4J_LOCAL_CLASS_DATA: 'false', // a throw-away home starts once: an archive would only slow its stop
    },
    PROJECT_ROOT,
  ).local;
  const scratch: ScratchNeo4j = {
    current: null,
    config,
    async kill() {
      const down = scratch.current;
      if (!down) return;
      scratch.current = null;
      process.kill(down.pid, 'SIGKILL');
      // SIGKILL is delivered at once but the JVM lets go of its sockets only once the kernel has torn it
      // down: until the port refuses, a client could still reach it, so the outage starts when it refuses.
      const deadline = Date.now() + GONE_WITHIN_MS;
      while ((await tcpAccepting(config.boltPort)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      // Gives the lease back; the JVM is already gone, so nothing is stopped.
      await down.stop();
    },
    async restart() {
      scratch.current = await startLocalNeo4j(config, { progress });
    },
    async dispose() {
      await scratch.current?.stop();
      // A JVM that has just exited may still have a file of run/ open for a moment (CI saw ENOTEMPTY here):
      // rm retries those errors itself.
      await rm(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
  try {
    await scratch.restart();
  } catch (err) {
    await scratch.dispose();
    throw err;
  }
  return scratch;
}
