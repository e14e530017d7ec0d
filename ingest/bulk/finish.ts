/** What a bulk load needs from the running, migrated database before and after the offline import. */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Database } from '../../src/core/database';
import { namedQuery } from '../../src/core/named-queries';
import { FACT_TYPES, type FactType } from '../../src/core/vocabulary';
import { DEFERRED_FILE, type DeferredRow, type DeferredTarget } from './import-files';

/** How many nodes the database holds besides the migration records: a bulk load needs none. */
export async function occupiedNodes(db: Database): Promise<number> {
  const [row] = await db.read<{ nodes: number }>(namedQuery('ingest/bulk-occupied'));
  return Number(row?.nodes ?? 0);
}

/** Rows per statement: a few hundred, and a few MB of text (articles run to tens of KB each). */
const BATCH_ROWS = 250;
const BATCH_CHARS = 8 << 20;

/** One statement's worth of deferred values, all for one target. */
export interface DeferredBatch {
  target: DeferredTarget;
  rows: DeferredRow[];
}

/**
 * The deferred values of DEFERRED_FILE in `dir`, grouped by target in batches of at most BATCH_ROWS rows (and
 * about BATCH_CHARS characters), in file order within each target. None when the file is missing.
 */
export async function* deferredBatches(dir: string): AsyncGenerator<DeferredBatch> {
  const path = join(dir, DEFERRED_FILE);
  if (!existsSync(path)) return;
  const open = new Map<DeferredTarget, { rows: DeferredRow[]; chars: number }>();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line === '') continue;
    let row: DeferredRow;
    try {
      row = JSON.parse(line) as DeferredRow;
    } catch (error) {
      throw new Error(`${path}:${n}: not a JSON line of deferred values (${(error as Error).message})`);
    }
    const batch = open.get(row.target) ?? { rows: [], chars: 0 };
    open.set(row.target, batch);
    batch.rows.push(row);
    batch.chars += line.length;
    if (batch.rows.length >= BATCH_ROWS || batch.chars >= BATCH_CHARS) {
      open.delete(row.target);
      yield { target: row.target, rows: batch.rows };
    }
  }
  for (const [target, batch] of open) yield { target, rows: batch.rows };
}

function deferredQuery(target: DeferredTarget): string {
  switch (target) {
    case 'Article':
      return namedQuery('ingest/bulk-deferred-articles');
    case 'Entity':
      return namedQuery('ingest/bulk-deferred-entities');
    case 'Change':
      return namedQuery('ingest/bulk-deferred-changes');
    case 'MENTIONS':
      return namedQuery('ingest/bulk-deferred-mentions');
    default:
      if (!FACT_TYPES.includes(target)) throw new Error(`deferred values for an unknown target "${String(target)}"`);
      return namedQuery('ingest/bulk-deferred-facts').replaceAll('__TYPE__', target satisfies FactType);
  }
}

/**
 * Sets the values the import files left out (they hold line breaks; DEFERRED_FILE in `dir`) on the imported
 * graph, in batched statements; throws naming the target when a row finds nothing to set them on. Returns how
 * many rows it set.
 */
export async function setDeferredValues(db: Database, dir: string): Promise<number> {
  let set = 0;
  for await (const batch of deferredBatches(dir)) {
    const [row] = await db.write<{ found: number }>(deferredQuery(batch.target), { rows: batch.rows });
    const found = Number(row?.found ?? 0);
    if (found !== batch.rows.length) {
      const refs = batch.rows.map((r) => JSON.stringify(r.ref));
      throw new Error(
        `bulk finish: ${batch.rows.length - found} of ${batch.rows.length} rows of deferred ${batch.target} values in ${join(dir, DEFERRED_FILE)} found nothing to set them on (among ${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', …' : ''})`,
      );
    }
    set += found;
  }
  return set;
}

/**
 * Completes a bulk-loaded graph so it equals the online loader's: sets the values the import files left out
 * (from the files' folder `dir`), then the empty lists the importer cannot write. Run once after the import and
 * the migrations (their indexes find the rows); running it again changes nothing.
 */
export async function finishBulkLoad(db: Database, dir: string): Promise<{ deferredRows: number }> {
  const deferredRows = await setDeferredValues(db, dir);
  await db.write(namedQuery('ingest/bulk-empty-lists'));
  return { deferredRows };
}
