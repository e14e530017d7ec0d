import { loadArticles, retractArticles } from '../../../ingest/pipeline';
import { changeLogSource } from '../../../src/core/change-log';
import type { Database } from '../../../src/core/database';
import { clearGraph, testDatabase } from '../../support/database';
import { articleNamed, retitled } from '../../support/live';

/* The change log as writers leave it: one entry per written or retracted article, numbered in commit order. */

let writers: Database[];

beforeAll(async () => {
  writers = [testDatabase(), testDatabase()];
  await clearGraph(writers[0]!);
});
afterAll(async () => {
  await clearGraph(writers[0]!);
  await Promise.all(writers.map((db) => db.close()));
});

it('gives concurrent writers distinct, consecutive sequence numbers, one entry per changed article', async () => {
  const log = changeLogSource(writers[0]!);
  const start = await log.head();
  const batches = [0, 1].map((w) => Array.from({ length: 3 }, (_, i) => articleNamed(`log-${w}-${i}`, 30 + w * 3 + i)));
  // Both writers at once, each its articles one call at a time: their transactions interleave on the counter.
  await Promise.all(
    writers.map(async (db, w) => {
      for (const article of batches[w]!) await loadArticles(db, [article]);
    }),
  );
  await loadArticles(writers[0]!, [batches[0]![0]!]); // unchanged: no entry
  await loadArticles(writers[1]!, [retitled(batches[1]![0]!, 'Changed')]);
  await retractArticles(writers[0]!, ['log-0-1']);

  const { head, changes } = await log.after(start, 100);
  expect(head).toBe(start + 8);
  expect(changes.map((c) => c.seq)).toEqual(Array.from({ length: 8 }, (_, i) => start + i + 1));
  const kinds = changes.map((c) => `${c.kind} ${c.articleId}`);
  expect(kinds.filter((k) => k.startsWith('INGESTED')).sort()).toEqual(
    batches
      .flat()
      .map((a) => `INGESTED ${a.annotation.article.id}`)
      .sort(),
  );
  expect(kinds.slice(6)).toEqual(['UPDATED log-1-0', 'RETRACTED log-0-1']);
});

it('records the batches of new articles, one entry each, in one increment of the counter', async () => {
  const log = changeLogSource(writers[0]!);
  const start = await log.head();
  const fresh = [1, 2, 3].map((i) => articleNamed(`log-batch-${i}`, 40 + i));
  const { outcomes } = await loadArticles(writers[0]!, fresh);
  expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created']);
  const { changes } = await log.after(start, 100);
  expect(changes.map((c) => [c.seq - start, c.articleId])).toEqual([
    [1, 'log-batch-1'],
    [2, 'log-batch-2'],
    [3, 'log-batch-3'],
  ]);
});

it('prunes entries past the retention age in bounded statements', async () => {
  const log = changeLogSource(writers[0]!);
  const before = (await log.after(0, 1000)).changes.length;
  expect(before).toBeGreaterThan(3);
  expect(await log.prune(3_600_000, 2)).toBe(0); // nothing is an hour old
  await new Promise((r) => setTimeout(r, 50));
  expect(await log.prune(1, 2)).toBe(2);
  expect((await log.after(0, 1000)).changes.length).toBe(before - 2);
});
