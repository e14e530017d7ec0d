/** What a bulk load needs from the running, migrated database before and after the offline import. */
import type { Database } from '../../src/core/database';
import { namedQuery } from '../../src/core/named-queries';

/** How many nodes the database holds besides the migration records: a bulk load needs none. */
export async function occupiedNodes(db: Database): Promise<number> {
  const [row] = await db.read<{ nodes: number }>(namedQuery('ingest/bulk-occupied'));
  return Number(row?.nodes ?? 0);
}

/**
 * Completes a bulk-loaded graph so it equals the online loader's: sets the empty lists the importer cannot
 * write. Run once after the import and the migrations; running it again changes nothing.
 */
export async function finishBulkLoad(db: Database): Promise<void> {
  await db.write(namedQuery('ingest/bulk-empty-lists'));
}
