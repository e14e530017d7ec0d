import neo4j from 'neo4j-driver';
import type { Config } from '../core/config';
import { type Database, openDatabase } from '../core/database';
import { withHomeLock } from './lease';
import { type LocalNeo4j, startLocalNeo4j } from './local-server';
import { migrate, type RecordedMigration } from '../core/migrate';
import { namedQuery } from '../core/named-queries';
import { MIGRATIONS_DIR } from '../core/paths';
import { type PhaseClock, type Progress, untimedPhases } from '../core/progress';

/** An open, migrated database, and the local server behind it when there is one. */
export interface Runtime {
  db: Database;
  local: LocalNeo4j | null;
  /**
   * Whether the graph held an article when the start read the migrations (the same read); null when migrations
   * were applied since, which may have changed it.
   */
  hadArticles: boolean | null;
  /** Closes the driver, then leaves the local server: it stops when no other live process uses it. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or uses the embedded local Neo4j when it is unset (attaching to it when another
 * process of this project already runs it on the same home, else starting it), then applies the
 * migrations. Whatever it started is stopped again if a later step fails. whileBooting is called once a local
 * Neo4j this call starts is on its way (the JVM spawned; not for a remote one, nor when attaching to a running
 * local one), and the work it returns ends before the first connection is opened.
 */
export async function openRuntime(
  config: Config,
  progress: Progress,
  options: {
    phases?: PhaseClock;
    /** Called once a local database is on its way, for work that needs none and can overlap its boot. */
    whileBooting?: () => Promise<unknown> | void;
    /** A local Neo4j this call starts serves HTTP too (`npm run neo4j`); nothing else here uses it. */
    http?: boolean;
  } = {},
): Promise<Runtime> {
  const phases = options.phases ?? untimedPhases;
  let booting: Promise<unknown> | undefined;
  const whileBooting = (): void => {
    booting = Promise.resolve(options.whileBooting?.());
  };
  let local: LocalNeo4j | null = null;
  let connect: { uri: string; user: string; password: string };
  if (config.neo4j.uri) {
    // A remote database has no boot to hide work behind.
    connect = { uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password ?? '' };
  } else {
    local = await phases.time('Neo4j up', () =>
      startLocalNeo4j(config.local, { password: config.neo4j.password, progress, whileBooting, http: options.http }),
    );
    connect = { uri: local.uri, user: local.user, password: local.password };
  }
  const db = openDatabase(connect, config.neo4j);
  const close = async (): Promise<void> => {
    await db.close();
    await local?.stop();
  };
  try {
    // The overlapped work (the schema build) is CPU-bound: left running, it would hold the event loop past the
    // connection's acquisition bound (NEO4J_ACQUISITION_TIMEOUT_MS), and the start would fail on a busy machine.
    await booting?.catch(() => undefined);
    await phases.time('connected', () => db.driver.verifyConnectivity({ database: config.neo4j.database }));
    const check = async (): Promise<boolean | null> => {
      // One read answers both start-up questions: which migrations are recorded, and whether to seed. It is
      // the first statement a just-started Neo4j plans (9.4 s at load 13 here, more than 15 s in a loaded test
      // run), so like the migrations it is bound by the server's transaction timeout, not NEO4J_QUERY_TIMEOUT_MS.
      const { records } = await db.driver.executeQuery(
        namedQuery('startup/state'),
        {},
        { database: config.neo4j.database, routing: neo4j.routing.READ },
      );
      const state = records[0]?.toObject() as { recorded: RecordedMigration[]; hasArticles: boolean } | undefined;
      const report = await migrate(db, MIGRATIONS_DIR, progress, state?.recorded ?? []);
      if (report.applied.length === 0) return state?.hasArticles ?? false;
      progress.info(`Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`);
      return null;
    };
    // Processes sharing the embedded server (the service, CLIs) migrate one at a time, not concurrently.
    const hadArticles = await phases.time('migrations and seed state checked', () =>
      local ? withHomeLock(config.local.home, progress, check) : check(),
    );
    return { db, local, hadArticles, close };
  } catch (err) {
    await close();
    throw err;
  }
}
