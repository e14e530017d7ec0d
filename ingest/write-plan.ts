import type { ManagedTransaction, QueryResult, QueryStatistics } from 'neo4j-driver';
import { namedQuery } from '../src/core/named-queries';
import { type CombinedRows, combinePlans } from './combine-plans';
import { IngestInputError } from './errors';
import { type GraphEvent, eventsToCheck, reconcileEvents } from './event-agreement';
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
  /** False for an article written before its text was stored: it is written again, text and all. */
  hasText: boolean;
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

/** The graph's events of these ids that some article mentions, for the agreement check. */
async function heldEvents(run: Run, ids: string[]): Promise<Map<string, GraphEvent>> {
  if (ids.length === 0) return new Map();
  const result = await run(namedQuery('ingest/existing-events'), { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.toObject() as GraphEvent]));
}

/** Takes an article's facts and mentions out and returns the ids it mentioned. */
async function retract(run: Run, articleId: string): Promise<string[]> {
  await run(namedQuery('ingest/retract-facts'), { articleId });
  const retracted = await run(namedQuery('ingest/retract-mentions'), { articleId });
  return (retracted.records[0]?.get('previous') as string[] | undefined) ?? [];
}

/** Sweeps the nodes of `previous` no article mentions any more, and settles the origin of the others. */
async function settle(run: Run, previous: string[], current: string[]): Promise<void> {
  if (previous.length === 0) return;
  await run(namedQuery('ingest/sweep-orphans'), { previous, current });
  await run(namedQuery('ingest/settle-origins'), { ids: previous });
}

/** What writing or retracting an article did: its counts, and the entity ids it mentioned before or mentions now. */
export interface ArticleWrite {
  counts: WriteCounts;
  entityIds: string[];
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/**
 * Writes one article's plan inside the caller's transaction: retracts what the article said before, checks
 * its extracted events against the graph's (event-agreement.ts), then merges entities, events, mentions and
 * facts with their evidence, and removes entities left unmentioned.
 */
export async function writeArticle(tx: ManagedTransaction, plan: GraphPlan): Promise<ArticleWrite> {
  const counts = noWrites();
  const run = counting(tx, counts);
  const previous = await retract(run, plan.article.id);
  const reconciled = reconcileEvents(plan, await heldEvents(run, eventsToCheck(plan)));
  const rows = combinePlans([reconciled]);
  await checkKinds(run, rows, plan.article.file);
  await upsertRows(run, rows, false);
  const current = reconciled.mentions.map((m) => m.id);
  await settle(run, previous, current);
  return { counts, entityIds: union(previous, current) };
}

/** writeArticle's counts alone. */
export async function writePlan(tx: ManagedTransaction, plan: GraphPlan): Promise<WriteCounts> {
  return (await writeArticle(tx, plan)).counts;
}

/**
 * Takes an article out of the graph inside the caller's transaction: its evidence, its claims (on its
 * MENTIONS), the facts and nodes only it stated, and its Article node. Nothing of other articles changes,
 * so retracting every extracted article leaves the graph the curated articles alone make.
 */
export async function removeArticle(tx: ManagedTransaction, articleId: string): Promise<ArticleWrite> {
  const counts = noWrites();
  const run = counting(tx, counts);
  const previous = await retract(run, articleId);
  await settle(run, previous, []);
  await run(namedQuery('ingest/delete-article'), { articleId });
  return { counts, entityIds: union(previous, []) };
}

/** removeArticle's counts alone. */
export async function retractArticle(tx: ManagedTransaction, articleId: string): Promise<WriteCounts> {
  return (await removeArticle(tx, articleId)).counts;
}

/** Some articles of a batch were written since the batch was planned: it must go article by article. */
export class BatchStaleError extends Error {}

/**
 * Writes the combined rows of articles the graph does not hold yet, all in the caller's transaction and in
 * one statement per label and type: nothing to retract, so a batch costs the same dozen statements as one
 * article. Throws BatchStaleError if one of them is in the graph by now or an extracted one reuses the id of
 * an event the graph holds (whether it joins is decided article by article), and a constraint error from Neo4j
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
  const run = counting(tx, counts);
  const held = await heldEvents(run, rows.eventsToCheck);
  if (held.size > 0) throw new BatchStaleError(`${held.size} extracted events must be checked against the graph's`);
  await upsertRows(run, rows, true);
  return counts;
}
