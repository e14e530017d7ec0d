import type { Database } from '../src/neo4j/database';
import type { Progress } from '../src/progress';

export async function ingestPaths(_db: Database, _paths: string[], _o: { progress: Progress }): Promise<void> {
  throw new Error('not yet');
}
