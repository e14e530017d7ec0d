import { type IngestSummary, ingestPaths } from '../ingest/pipeline';
import type { Database } from './core/database';
import { namedQuery } from './core/named-queries';
import type { Progress } from './core/progress';

/** Loads the sample corpus when the graph holds no article yet, so a new user sees data at once; null if it did not. */
export async function seedIfEmpty(db: Database, progress: Progress): Promise<IngestSummary | null> {
  const [row] = await db.read<{ n: number }>(namedQuery('seed/article-count'));
  if ((row?.n ?? 0) > 0) return null;
  progress.info('The graph is empty: loading the sample corpus…');
  return ingestPaths(db, [], { progress });
}
