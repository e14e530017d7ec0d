import { join } from 'node:path';
import { ingestPaths } from '../../../ingest/pipeline';
import { createDriver, Database } from '../../../src/core/database';
import { CORPUS_DIR } from '../../../src/core/paths';
import { freePort } from '../../../src/core/ports';
import { silentProgress } from '../../../src/core/progress';

// Files are read and checked while the previous batch is written; a write that fails must reach the caller
// as the rejection of ingestPaths, not as an unhandled rejection while the next files are read.
describe('an ingest whose database cannot be reached', () => {
  it('rejects with the write error and leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // Nothing listens on a port just found free: every connection is refused.
    const db = new Database(
      createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: 'x' }),
      {
        database: 'neo4j',
        queryTimeoutMs: 5_000,
      },
    );
    try {
      const articles = ['000_5c8c8792612c7421.txt', '001_ff022c1cbb6f11f8.txt', '002_f389543f85fdb957.txt'];
      const run = ingestPaths(
        db,
        articles.map((f) => join(CORPUS_DIR, f)),
        { progress: silentProgress, batchRows: 1 },
      );
      await expect(run).rejects.toThrow(/unavailable|connect|refused/i);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await db.close();
    }
  }, 30_000);
});
