/** Writing: prepared articles into the graph, new ones many to a transaction, changed ones one by one. */
import { recordChanges } from '../src/core/change-log';
import type { Database } from '../src/core/database';
import { namedQuery } from '../src/core/named-queries';
import type { Annotation } from './annotation/format';
import type { ArticleDocument } from './article/read';
import { freshChange, retractionOf, writtenChange } from './change-records';
import { type CombinedRows, combinePlans } from './combine-plans';
import { IngestInputError } from './errors';
import { type GraphPlan, planArticle } from './graph-plan';
import { type ArticleOutcome, describeError } from './ingest-summary';
import type { PreparedArticle } from './prepare-input';
import {
  addCounts,
  type ArticleState,
  articleStates,
  noWrites,
  removeArticle,
  type WriteCounts,
  writeArticle,
  writeNewArticles,
} from './write-plan';

/**
 * How many facts and mentions one transaction of new articles holds at most (a single larger article still
 * goes). Kept small so that an ingest running beside the service does not stall its reads: at 50,000 rows a
 * soak run saw reads stall ~15 s while such a transaction was written (docs/operations.md, Soak).
 */
export const DEFAULT_BATCH_ROWS = 5_000;

function base(doc: ArticleDocument, plan: GraphPlan, annotation: Annotation) {
  return { file: doc.file, articleId: plan.article.id, origin: annotation.origin };
}

/** About how many facts and mentions an annotation gives, without planning it. */
export function rowsOf(a: Annotation): number {
  const links = a.events.reduce((n, e) => n + e.by.length + e.targets.length + e.concerns.length, 0);
  return a.entities.length + a.events.length + a.roles.length + a.relations.length + a.stances.length + links;
}

function sizeOf(plan: GraphPlan): number {
  return plan.mentions.length + Object.values(plan.facts).reduce((n, rows) => n + rows.length, 0);
}

/** The error for an article whose id the graph holds for another file, or null when the id is its own or free. */
function idTakenBy(state: ArticleState | undefined, doc: ArticleDocument, plan: GraphPlan): IngestInputError | null {
  if (!state || state.file === plan.article.file) return null;
  return new IngestInputError(
    doc.file,
    `article id "${plan.article.id}" is already used by ${state.file}`,
    'article.id',
  );
}

/** Whether the graph holds the article as written from this very content and annotation, text included. */
function unchanged(state: ArticleState | undefined, plan: GraphPlan): boolean {
  return (
    state !== undefined &&
    state.hasText &&
    state.contentHash === plan.article.contentHash &&
    state.annotationHash === plan.article.annotationHash
  );
}

/**
 * Loads one prepared article in one transaction: the article is in whole or not at all, with its entry in the
 * change log (none when it is unchanged).
 */
export async function loadArticle(db: Database, doc: ArticleDocument, annotation: Annotation): Promise<ArticleOutcome> {
  const plan = planArticle(annotation, doc);
  return db.writeTransaction(async (tx) => {
    const state = (await articleStates(tx, [plan.article.id])).get(plan.article.id);
    const taken = idTakenBy(state, doc, plan);
    if (taken) throw taken;
    if (unchanged(state, plan)) return { ...base(doc, plan, annotation), status: 'unchanged' as const };
    const { counts, entityIds } = await writeArticle(tx, plan);
    await recordChanges(tx, [writtenChange(plan, state ? 'UPDATED' : 'INGESTED', entityIds)]);
    return { ...base(doc, plan, annotation), status: state ? ('updated' as const) : ('created' as const), counts };
  });
}

async function loadOne(db: Database, item: PreparedArticle): Promise<ArticleOutcome> {
  try {
    return await loadArticle(db, item.doc, item.annotation);
  } catch (error) {
    return { file: item.doc.file, status: 'failed', error: describeError(error) };
  }
}

/** Groups the fresh articles into batches of at most `batchRows` facts and mentions (an article larger alone). */
function batchesOf(fresh: number[], plans: GraphPlan[], batchRows: number): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let rows = 0;
  for (const i of fresh) {
    const size = sizeOf(plans[i]!);
    if (current.length > 0 && rows + size > batchRows) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(i);
    rows += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Loads prepared articles. Those new to the graph go many to a transaction (up to `batchRows` facts and
 * mentions), which is what makes a large import fast; changed ones go one per transaction, since each first
 * retracts what it said before. If a batch fails, its articles are written one by one, so that each failure
 * names its own file and the others still land. Outcomes are in input order; counts are for the whole call.
 */
export async function loadArticles(
  db: Database,
  items: PreparedArticle[],
  options: { batchRows?: number } = {},
): Promise<{ outcomes: ArticleOutcome[]; counts: WriteCounts }> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const counts = noWrites();
  const outcomes: ArticleOutcome[] = new Array(items.length);
  const plans = items.map((item) => planArticle(item.annotation, item.doc));
  const states = await db.read<ArticleState>(namedQuery('ingest/articles-state'), {
    ids: plans.map((p) => p.article.id),
  });
  const stateOf = new Map(states.map((s) => [s.id, s]));

  const fresh: number[] = [];
  const oneByOne: number[] = [];
  const claimed = new Set<string>();
  plans.forEach((plan, i) => {
    const { doc, annotation } = items[i]!;
    const state = stateOf.get(plan.article.id);
    const taken = idTakenBy(state, doc, plan);
    if (claimed.has(plan.article.id)) oneByOne.push(i);
    else if (!state) fresh.push(i);
    else if (taken) outcomes[i] = { file: doc.file, status: 'failed', error: describeError(taken) };
    else if (unchanged(state, plan)) outcomes[i] = { ...base(doc, plan, annotation), status: 'unchanged' };
    else oneByOne.push(i);
    claimed.add(plan.article.id);
  });

  const batches = batchesOf(fresh, plans, batchRows);
  // Each batch's rows are combined while the previous batch is being written: Node works while Neo4j does.
  const combine = (batch: number[] | undefined): CombinedRows | Error | null => {
    if (!batch) return null;
    try {
      return combinePlans(batch.map((i) => plans[i]!));
    } catch (error) {
      return error as Error;
    }
  };
  let next = combine(batches[0]);
  for (const [k, batch] of batches.entries()) {
    const rows = next;
    const writing: Promise<WriteCounts> =
      rows instanceof Error || rows === null
        ? Promise.reject(rows ?? new Error('no rows'))
        : db.writeTransaction(async (tx) => {
            const written = await writeNewArticles(tx, rows);
            await recordChanges(
              tx,
              batch.map((i) => freshChange(plans[i]!)),
            );
            return written;
          });
    writing.catch(() => undefined); // awaited below, once the next batch is combined
    next = combine(batches[k + 1]);
    try {
      addCounts(counts, await writing);
      for (const i of batch)
        outcomes[i] = { ...base(items[i]!.doc, plans[i]!, items[i]!.annotation), status: 'created' };
    } catch {
      // Nothing of the batch was committed: write its articles alone, each with its own outcome.
      oneByOne.push(...batch);
    }
  }
  for (const i of oneByOne.sort((a, b) => a - b)) {
    const outcome = await loadOne(db, items[i]!);
    if (outcome.counts) addCounts(counts, outcome.counts);
    outcomes[i] = outcome;
  }
  return { outcomes, counts };
}

/**
 * Takes articles out of the graph by id, each in a transaction of its own (removeArticle) with its entry in
 * the change log: their evidence,
 * claims and the nodes only they mention go, nothing of other articles changes. Ids the graph does not hold
 * are returned as missing; retracting twice is the same as once.
 */
export async function retractArticles(
  db: Database,
  ids: string[],
): Promise<{ retracted: string[]; missing: string[]; counts: WriteCounts }> {
  const counts = noWrites();
  const retracted: string[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const held = await db.writeTransaction(async (tx) => {
      if (!(await articleStates(tx, [id])).has(id)) return false;
      const change = await retractionOf(tx, id);
      const removed = await removeArticle(tx, id);
      await recordChanges(tx, [{ ...change, entityIds: removed.entityIds }]);
      addCounts(counts, removed.counts);
      return true;
    });
    (held ? retracted : missing).push(id);
  }
  return { retracted, missing, counts };
}
