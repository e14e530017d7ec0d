import type { Database } from '../src/core/database';
import { cannon, closedLoop, httpRunner, rawRunner, type Runner } from './load-generation';
import type { Options } from './options';
import type { Server } from './processes';
import type { BenchQuery } from './queries';
import type { ConcurrencyResult, Impl } from './results';

/** How each implementation of a query is reached: over HTTP for the two GraphQL servers, the driver for raw. */
export function runnerFor(
  impl: Impl,
  query: BenchQuery,
  servers: { ours: Server; neo4jGraphql: Server },
  db: Database,
): Runner {
  return impl === 'raw'
    ? rawRunner(db, query.raw.cypher, query.raw.params)
    : httpRunner(servers[impl].url, query[impl]);
}

/**
 * One query in one implementation under concurrent load: c=8 and c=32 (c=8 only, a request per connection,
 * in smoke). These runs are one implementation at a time (load cannot be interleaved request by request);
 * the c=1 figures, which give the ratios, are interleaved (bench/interleave.ts). A query whose c=1 p50 is
 * over 2 s is not put under load: it would only queue. A failure is returned, not thrown.
 */
export async function measureConcurrency(
  impl: Impl,
  query: BenchQuery,
  runner: Runner,
  servers: { ours: Server; neo4jGraphql: Server },
  options: Options,
  c1p50: number | null,
  sampleRss: () => void,
): Promise<{ concurrency: ConcurrencyResult[]; error: string | null }> {
  const concurrency: ConcurrencyResult[] = [];
  if (c1p50 === null) return { concurrency, error: 'c=8/32 skipped: no successful c=1 sample' };
  if (c1p50 > 2_000) return { concurrency, error: `c=8/32 skipped: p50 ${c1p50.toFixed(0)} ms at c=1` };
  try {
    // Smoke: a fixed, small number of requests per connection (and no autocannon, whose runs last a second).
    const perConnection = options.smoke ? 1 : null;
    for (const connections of options.smoke ? [8] : [8, 32]) {
      const sampler = setInterval(sampleRss, 250);
      try {
        concurrency.push(
          impl === 'raw' || options.smoke
            ? await closedLoop(runner, connections, options.duration, perConnection)
            : await cannon(servers[impl].url, query[impl], connections, options.duration, perConnection),
        );
      } finally {
        clearInterval(sampler);
      }
    }
    return { concurrency, error: null };
  } catch (err) {
    return { concurrency, error: (err as Error).message.slice(0, 300) };
  }
}
