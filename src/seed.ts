import { type IngestSummary, ingestPaths } from '../ingest/pipeline';
import type { Database } from './core/database';
import { namedQuery } from './core/named-queries';
import type { Progress } from './core/progress';

/**
 * Loads the sample corpus when the graph holds no article yet, so a new user sees data at once; null if it did
 * not. hadArticles is the answer of a read the caller already made (the start's one read), else it is asked.
 */
export async function seedIfEmpty(
  db: Database,
  progress: Progress,
  hadArticles: boolean | null = null,
): Promise<IngestSummary | null> {
  const known = hadArticles ?? ((await db.read<{ n: number }>(namedQuery('seed/article-count')))[0]?.n ?? 0) > 0;
  if (known) return null;
  progress.info('The graph is empty: loading the sample corpus…');
  return ingestPaths(db, [], { progress });
}
