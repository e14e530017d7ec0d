/** The change-log entries the pipeline records beside its writes (src/core/change-log.ts, docs/live-updates.md). */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ChangeRecord } from '../src/core/change-log';
import { namedQuery } from '../src/core/named-queries';
import type { ArticleRow, GraphPlan } from './graph-plan';

function describe(article: Pick<ArticleRow, 'id' | 'title' | 'origin' | 'published'>) {
  return { articleId: article.id, title: article.title, origin: article.origin, published: article.published };
}

/** The entry of an article written for the first time or again; entityIds: before and after the write. */
export function writtenChange(plan: GraphPlan, kind: 'INGESTED' | 'UPDATED', entityIds: string[]): ChangeRecord {
  return { kind, ...describe(plan.article), entityIds };
}

/** The entry of an article written as part of a batch of new ones: what it mentions. */
export function freshChange(plan: GraphPlan): ChangeRecord {
  return writtenChange(plan, 'INGESTED', [...new Set(plan.mentions.map((m) => m.id))].sort());
}

/** What the log will say of an article before it is retracted: read it while it is still in the graph. */
export async function retractionOf(
  tx: ManagedTransaction,
  articleId: string,
): Promise<Omit<ChangeRecord, 'entityIds'>> {
  const result = await tx.run(namedQuery('ingest/article-summary'), { articleId });
  const row = result.records[0];
  if (!row) throw new Error(`article ${articleId} is not in the graph`);
  return {
    kind: 'RETRACTED',
    ...describe({
      id: articleId,
      title: row.get('title') as string,
      origin: row.get('origin') as string,
      published: (row.get('published') as string | null) ?? null,
    }),
  };
}
