import type { ManagedTransaction, QueryResult, QueryStatistics } from 'neo4j-driver';
import { namedQuery } from '../src/core/named-queries';
import { type CombinedRows, combinePlans } from './combine-plans';
import { IngestInputError } from './errors';
import { ENTITY_KINDS, FACT_TYPES, KIND_LABELS } from '../src/core/vocabulary';
import type { GraphPlan } from './graph-plan';

/** What a write changed in the graph. */
export interface WriteCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** The graph's record of an article: its file and the hashes it was last written from. */
export interface ArticleState {
  id: string;
  file: string;
  contentHash: string;
  annotationHash: string;
}

const LABELS = new Set<string>(ENTITY_KINDS.map((kind) => KIND_LABELS[kind]));

/** Counts that start at zero. */
export function noWrites(): WriteCounts {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

/** Adds b into a. */
export function addCounts(a: WriteCounts, b: WriteCounts): void {
  a.nodesCreated += b.nodesCreated;
  a.nodesDeleted += b.nodesDeleted;
  a.relationshipsCreated += b.relationshipsCreated;
  a.relationshipsDeleted += b.relationshipsDeleted;
  a.propertiesSet += b.propertiesSet;
}

function fromStats(stats: QueryStatistics): WriteCounts {
  const u = stats.updates();
  return {
    nodesCreated: u.nodesCreated,
    nodesDeleted: u.nodesDeleted,
    relationshipsCreated: u.relationshipsCreated,
    relationshipsDeleted: u.relationshipsDeleted,
    propertiesSet: u.propertiesSet,
  };
}

/** The graph's records of those articles that it holds, by id, in one statement. */
export async function articleStates(tx: ManagedTransaction, ids: string[]): Promise<Map<string, ArticleState>> {
  const result = await tx.run(namedQuery('ingest/articles-state'), { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.toObject() as ArticleState]));
}

type Run = (cypher: string, params: Record<string, unknown>) => Promise<QueryResult>;

function counting(tx: ManagedTransaction, counts: WriteCounts): Run {
  return async (cypher, params) => {
    const result = await tx.run(cypher, params);
    addCounts(counts, fromStats(result.summary.counters));
    return result;
  };
}

/** The first node the rows declare that the graph holds with another label, as an error of `file`. */
async function checkKinds(run: Run, rows: CombinedRows, file: string): Promise<void> {
  const conflicts = await run(namedQuery('ingest/kind-conflicts'), { declared: rows.declared });
  const conflict = conflicts.records[0];
  if (conflict) {
    throw new IngestInputError(
      file,
      `entity "${conflict.get('id')}" is a ${conflict.get('existing')} in the graph but declared as ${conflict.get('wanted')} here`,
    );
  }
}

/**
 * Merges the rows: one statement per node label, one for events, mentions and articles, one per fact type.
 * `newArticles` says that none of the articles is in the graph yet, so their mentions can be created.
 */
async function upsertRows(run: Run, rows: CombinedRows, newArticles: boolean): Promise<void> {
  await run(namedQuery('ingest/upsert-article'), { articles: rows.articles });
  for (const [label, entityRows] of Object.entries(rows.entities)) {
    if (!LABELS.has(label)) throw new Error(`Unknown label ${label}`);
    await run(namedQuery('ingest/upsert-entities').replaceAll('__LABEL__', label), { rows: entityRows });
  }
  if (rows.events.length > 0) await run(namedQuery('ingest/upsert-events'), { rows: rows.events });
  if (rows.mentions.length > 0) {
    const mentions = namedQuery(newArticles ? 'ingest/create-mentions' : 'ingest/upsert-mentions');
    await run(mentions, { mentions: rows.mentions });
  }
  for (const type of FACT_TYPES) {
    const factRows = rows.facts[type];
    if (factRows.length > 0) {
      await run(namedQuery('ingest/upsert-facts').replaceAll('__TYPE__', type), { rows: factRows });
    }
  }
}

/**
 * Writes one article's plan inside the caller's transaction: retracts what the article said before, then
 * merges entities, events, mentions and facts with their evidence, and removes entities left unmentioned.
 */
export async function writePlan(tx: ManagedTransaction, plan: GraphPlan): Promise<WriteCounts> {
  const counts = noWrites();
  const run = counting(tx, counts);
  const articleId = plan.article.id;
  const rows = combinePlans([plan]);
  await checkKinds(run, rows, plan.article.file);

  await run(namedQuery('ingest/retract-facts'), { articleId });
  const retracted = await run(namedQuery('ingest/retract-mentions'), { articleId });
  const previous = (retracted.records[0]?.get('previous') as string[] | undefined) ?? [];

  await upsertRows(run, rows, false);
  if (previous.length > 0) {
    await run(namedQuery('ingest/sweep-orphans'), { previous, current: plan.mentions.map((m) => m.id) });
  }
  return counts;
}

/** Some articles of a batch were written since the batch was planned: it must go article by article. */
export class BatchStaleError extends Error {}

/**
 * Writes the combined rows of articles the graph does not hold yet, all in the caller's transaction and in
 * one statement per label and type: nothing to retract, so a batch costs the same dozen statements as one
 * article. Throws BatchStaleError if one of them is in the graph by now, and a constraint error from Neo4j
 * when an id is in the graph with another kind (the upserts MERGE on both labels); callers then write the
 * articles one by one, where the kind check names the article and the entity.
 */
export async function writeNewArticles(tx: ManagedTransaction, rows: CombinedRows): Promise<WriteCounts> {
  const counts = noWrites();
  const existing = await articleStates(
    tx,
    rows.articles.map((a) => a.id),
  );
  if (existing.size > 0) throw new BatchStaleError(`${existing.size} of the batch's articles are in the graph`);
  await upsertRows(counting(tx, counts), rows, true);
  return counts;
}
