import type { Database } from '../src/core/database';
import { log } from './log';

/** The graph between measurements: emptied before each size, idle before each implementation's run. */

/** Deletes every node the benchmark's loads create, in batches (the hubs have many relationships). */
export async function wipe(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      'MATCH (n) WHERE n:Entity OR n:Article OR n:PlainNode CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
    );
  } finally {
    await session.close();
  }
}

/**
 * Waits until Neo4j runs no transaction but this one: a load test that ends leaves the server it hit with
 * requests in flight (their queries go on in Neo4j), which would otherwise be timed into the next run.
 */
export async function waitForQuiet(db: Database, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await db.read<{ busy: number }>(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
       RETURN count(*) AS busy`,
    );
    if ((row?.busy ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`Neo4j still busy after ${timeoutMs} ms; measuring anyway`);
}
