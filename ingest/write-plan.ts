import type { ManagedTransaction, QueryStatistics } from 'neo4j-driver';
import { namedQuery } from '../src/neo4j/named-queries';
import { IngestInputError } from './errors';
import { FACT_TYPES, type GraphPlan, KIND_LABELS } from './graph-plan';

/** What writing one article changed in the graph. */
export interface WriteCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

const LABELS = new Set(Object.values(KIND_LABELS));

function add(total: WriteCounts, stats: QueryStatistics): void {
  const u = stats.updates();
  total.nodesCreated += u.nodesCreated;
  total.nodesDeleted += u.nodesDeleted;
  total.relationshipsCreated += u.relationshipsCreated;
  total.relationshipsDeleted += u.relationshipsDeleted;
  total.propertiesSet += u.propertiesSet;
}

/** The article's current hashes and file in the graph, or null when it is new. */
export async function articleState(
  tx: ManagedTransaction,
  articleId: string,
): Promise<{ file: string; contentHash: string; annotationHash: string } | null> {
  const result = await tx.run(namedQuery('ingest/article-state'), { articleId });
  const record = result.records[0];
  return record ? (record.toObject() as { file: string; contentHash: string; annotationHash: string }) : null;
}

/**
 * Writes one article's plan inside the caller's transaction: retracts what the article said before, then
 * merges entities, events, mentions and facts with their evidence, and sweeps entities left unmentioned.
 */
export async function writePlan(tx: ManagedTransaction, plan: GraphPlan): Promise<WriteCounts> {
  const counts: WriteCounts = {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };
  const articleId = plan.article.id;
  const run = async (cypher: string, params: Record<string, unknown>) => {
    const result = await tx.run(cypher, { articleId, ...params });
    add(counts, result.summary.counters);
    return result;
  };

  const declared = [
    ...Object.entries(plan.entities).flatMap(([label, rows]) => rows.map((r) => ({ id: r.id, label }))),
    ...plan.events.map((e) => ({ id: e.id, label: 'Event' })),
  ];
  const conflicts = await run(namedQuery('ingest/kind-conflicts'), { declared });
  const conflict = conflicts.records[0];
  if (conflict) {
    throw new IngestInputError(
      plan.article.file,
      `entity "${conflict.get('id')}" is a ${conflict.get('existing')} in the graph but declared as ${conflict.get('wanted')} here`,
    );
  }

  await run(namedQuery('ingest/retract-facts'), {});
  const retracted = await run(namedQuery('ingest/retract-mentions'), {});
  const previous = (retracted.records[0]?.get('previous') as string[] | undefined) ?? [];

  await run(namedQuery('ingest/upsert-article'), { article: plan.article, factKeys: plan.factKeys });
  for (const [label, rows] of Object.entries(plan.entities)) {
    if (!LABELS.has(label)) throw new Error(`Unknown label ${label}`);
    await run(namedQuery('ingest/upsert-entities').replaceAll('__LABEL__', label), { rows });
  }
  if (plan.events.length > 0) await run(namedQuery('ingest/upsert-events'), { rows: plan.events });
  await run(namedQuery('ingest/upsert-mentions'), { mentions: plan.mentions });
  for (const type of FACT_TYPES) {
    const rows = plan.facts[type];
    if (rows.length > 0) await run(namedQuery('ingest/upsert-facts').replaceAll('__TYPE__', type), { rows });
  }
  if (previous.length > 0) {
    await run(namedQuery('ingest/sweep-orphans'), { previous, current: plan.mentions.map((m) => m.id) });
  }
  return counts;
}
