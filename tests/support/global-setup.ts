import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/core/config';
import { freePort } from '../../src/core/ports';
import { lineProgress } from '../../src/core/progress';
import { openRuntime, type Runtime } from '../../src/neo4j/runtime';

/**
 * Starts one real Neo4j for the whole integration run, with the project's own launcher, on free ports
 * and in a throw-away folder; or uses TEST_NEO4J_URI when given. Workers find it through TEST_NEO4J_*.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_NEO4J_URI) return;
  const home = await mkdtemp(join(tmpdir(), 'sanctuary-graph-test-'));
  const config = loadConfig({
    NEO4J_LOCAL_DIR: join(home, 'neo4j'),
    NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
    NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
    NEO4J_LOCAL_HEAP: '512m',
    // A throw-away home starts once: writing a class-data archive would only slow its start and stop.
    NEO4J_LOCAL_CLASS_DATA: 'false',
  });
  const progress = lineProgress();
  progress.info(`\nStarting a throw-away Neo4j for the integration tests in ${home}`);
  const runtime: Runtime = await openRuntime(config, progress);
  const local = runtime.local!;
  await runtime.db.close();
  process.env.TEST_NEO4J_URI = local.uri;
  process.env.TEST_NEO4J_USER = local.user;
  process.env.TEST_NEO4J_PASSWORD = local.password;
  (globalThis as Record<string, unknown>).__TEST_NEO4J__ = { runtime, home };
}
