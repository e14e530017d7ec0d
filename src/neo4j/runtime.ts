import type { Config } from '../core/config';
import { type Database, openDatabase } from '../core/database';
import { withHomeLock } from './lease';
import { type LocalNeo4j, startLocalNeo4j } from './local-server';
import { migrate } from '../core/migrate';
import { MIGRATIONS_DIR } from '../core/paths';
import type { Progress } from '../core/progress';

/** An open, migrated database, and the local server behind it when there is one. */
export interface Runtime {
  db: Database;
  local: LocalNeo4j | null;
  /** Closes the driver, then leaves the local server: it stops when no other live process uses it. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or uses the embedded local Neo4j when it is unset (attaching to it when another
 * process of this project already runs it on the same home, else starting it), then applies the
 * migrations. Whatever it started is stopped again if a later step fails.
 */
export async function openRuntime(config: Config, progress: Progress): Promise<Runtime> {
  let local: LocalNeo4j | null = null;
  let connect: { uri: string; user: string; password: string };
  if (config.neo4j.uri) {
    connect = { uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password ?? '' };
  } else {
    local = await startLocalNeo4j(config.local, { password: config.neo4j.password, progress });
    connect = { uri: local.uri, user: local.user, password: local.password };
  }
  const db = openDatabase(connect, config.neo4j);
  const close = async (): Promise<void> => {
    await db.close();
    await local?.stop();
  };
  try {
    await db.driver.verifyConnectivity({ database: config.neo4j.database });
    // Processes sharing the embedded server (the service, CLIs) migrate one at a time, not concurrently.
    const report = local
      ? await withHomeLock(config.local.home, progress, () => migrate(db, MIGRATIONS_DIR, progress))
      : await migrate(db, MIGRATIONS_DIR, progress);
    if (report.applied.length > 0)
      progress.info(`Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, local, close };
}
