import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/core/config';
import { createDriver, Database } from '../src/core/database';
import { freePort } from '../src/core/ports';
import { openRuntime, type Runtime } from '../src/neo4j/runtime';
import { log, progress } from './log';
import type { Conn } from './processes';
import { BENCH_NEO4J_HEAP, BENCH_NEO4J_PAGECACHE } from './settings';

/** The database a run measures, how its children reach it, and its JVM's pid when it is the local one. */
export interface BenchDatabase {
  conn: Conn;
  db: Database;
  /** The local Neo4j's pid, for its RSS; null for an external server. */
  neo4jPid: number | null;
  /** Closes the driver, then stops the throw-away Neo4j (if the run started one). */
  close(): Promise<void>;
}

/**
 * NEO4J_URI's server (only with BENCH_WIPE_DATABASE=yes, since every size starts by deleting the graph), or
 * else a throw-away local Neo4j in a temp home, sized by bench/settings.ts and removed when the run exits.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.NEO4J_URI) {
    // The benchmark deletes everything in the database it measures: never someone's data by accident.
    if (process.env.BENCH_WIPE_DATABASE !== 'yes') {
      throw new Error(
        `NEO4J_URI is set (${process.env.NEO4J_URI}): the benchmark would delete every node of that database. ` +
          'Set BENCH_WIPE_DATABASE=yes to allow it, or unset NEO4J_URI to use a throw-away local Neo4j.',
      );
    }
    const config = loadConfig(process.env);
    const conn = { uri: config.neo4j.uri!, user: config.neo4j.user, password: config.neo4j.password ?? '' };
    const db = new Database(createDriver(conn), { database: config.neo4j.database, queryTimeoutMs: 120_000 });
    return { conn, db, neo4jPid: null, close: () => db.close() };
  }
  const home = mkdtempSync(join(tmpdir(), 'bench-neo4j-'));
  const config = loadConfig({
    NEO4J_LOCAL_DIR: join(home, 'neo4j'),
    NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
    NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
    NEO4J_LOCAL_CLASS_DATA: 'false', // a throw-away home starts once: an archive would only slow its stop
    NEO4J_LOCAL_HEAP: BENCH_NEO4J_HEAP,
    NEO4J_LOCAL_PAGECACHE: BENCH_NEO4J_PAGECACHE,
  });
  log(`starting a throw-away Neo4j in ${home}`);
  const runtime: Runtime = await openRuntime(config, progress);
  const local = runtime.local!;
  const conn = { uri: local.uri, user: local.user, password: local.password };
  const db = new Database(createDriver(conn), { database: config.neo4j.database, queryTimeoutMs: 120_000 });
  process.once('exit', () => rmSync(home, { recursive: true, force: true }));
  process.once('SIGINT', () => {
    void runtime.close().finally(() => rmSync(home, { recursive: true, force: true }));
  });
  return {
    conn,
    db,
    neo4jPid: local.pid,
    close: async () => {
      await db.close();
      await runtime.close();
    },
  };
}
