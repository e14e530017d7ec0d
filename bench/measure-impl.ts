import type { Database } from '../src/core/database';
import { cannon, closedLoop, httpRunner, rawRunner } from './load-generation';
import { summarize } from './measure';
import type { Options } from './options';
import type { Server } from './processes';
import type { BenchQuery } from './queries';
import type { Impl, ImplResult } from './results';

/** Per-request cap of the sequential run: a query slower than this is measured with fewer samples. */
const C1_BUDGET_MS = 5_000;

/**
 * One query in one implementation: warm-up, the sequential run (c=1), then c=8 and c=32 (c=8 only, a
 * request per connection, in smoke). A failure is recorded in the result, not thrown.
 */
export async function measureImpl(
  impl: Impl,
  query: BenchQuery,
  servers: { ours: Server; neo4jGraphql: Server },
  db: Database,
  options: Options,
  sampleRss: () => void,
): Promise<ImplResult> {
  const runner =
    impl === 'raw' ? rawRunner(db, query.raw.cypher, query.raw.params) : httpRunner(servers[impl].url, query[impl]);
  const result: ImplResult = { c1: null, concurrency: [], roundTrips: null, error: null };
  try {
    const t0 = performance.now();
    await runner.once();
    const first = performance.now() - t0;
    for (let i = 1; i < options.warmup; i++) await runner.once();
    const samples: number[] = [];
    const budgetEnd = performance.now() + (options.smoke ? 300 : C1_BUDGET_MS);
    for (let i = 0; i < options.iterations && (i < 3 || performance.now() < budgetEnd); i++) {
      const t = performance.now();
      // The round trips of a warm request (@neo4j/graphql checks the Neo4j version on its first one).
      result.roundTrips = await runner.once();
      samples.push(performance.now() - t);
    }
    result.c1 = summarize(samples);
    // A query that takes seconds on its own is not put under concurrent load: it would only queue.
    if (first > 5_000 && result.c1.p50 > 2_000) {
      result.error = `c=8/32 skipped: p50 ${result.c1.p50.toFixed(0)} ms at c=1`;
      return result;
    }
    // Smoke: a fixed, small number of requests per connection (and no autocannon, whose runs last a second).
    const perConnection = options.smoke ? 1 : null;
    for (const connections of options.smoke ? [8] : [8, 32]) {
      const sampler = setInterval(sampleRss, 250);
      try {
        result.concurrency.push(
          impl === 'raw' || options.smoke
            ? await closedLoop(runner, connections, options.duration, perConnection)
            : await cannon(servers[impl].url, query[impl], connections, options.duration, perConnection),
        );
      } finally {
        clearInterval(sampler);
      }
    }
  } catch (err) {
    result.error = (err as Error).message.slice(0, 300);
  }
  return result;
}
