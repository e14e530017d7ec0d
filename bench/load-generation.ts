import autocannon from 'autocannon';
import type { Database } from '../src/core/database';
import { summarize } from './measure';
import type { GraphQLRequest } from './queries';
import type { ConcurrencyResult } from './results';

/**
 * The requests of a measurement: one at a time through a Runner, and under concurrent load, either a
 * closed loop in this process (raw Cypher, smoke runs) or autocannon against an HTTP server.
 */

/** Sends one request of a query, however its implementation is reached. */
export interface Runner {
  /** One request; resolves with the round trips it cost (null when unknown); throws on any error. */
  once(): Promise<number | null>;
  /** One request's answer: the GraphQL `data`, or the raw statement's rows (for the equivalence gate). */
  answer(): Promise<unknown>;
}

/** A GraphQL request POSTed to a server; an HTTP error or a GraphQL error throws. */
export function httpRunner(url: string, request: GraphQLRequest): Runner {
  const body = JSON.stringify(request);
  const post = async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as {
      data?: unknown;
      errors?: { message: string }[];
      extensions?: { roundTrips?: number };
    };
    if (!res.ok || json.errors) throw new Error(json.errors?.[0]?.message ?? `HTTP ${res.status}`);
    return json;
  };
  return {
    async once() {
      return (await post()).extensions?.roundTrips ?? null;
    },
    async answer() {
      return (await post()).data;
    },
  };
}

/** A Cypher read through the project's Database: one round trip by construction. */
export function rawRunner(db: Database, cypher: string, params: Record<string, unknown>): Runner {
  return {
    async once() {
      await db.read(cypher, params);
      return 1;
    },
    answer: () => db.read(cypher, params),
  };
}

/** Closed-loop load at `connections` in flight for `seconds` through a runner (used for raw Cypher). */
export async function closedLoop(
  runner: Runner,
  connections: number,
  seconds: number,
  perConnection: number | null,
): Promise<ConcurrencyResult> {
  const samples: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = 0; perConnection === null ? performance.now() < until : i < perConnection; i++) {
        const t = performance.now();
        try {
          await runner.once();
          samples.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const s = summarize(samples);
  return {
    connections,
    rps: samples.length / ((performance.now() - start) / 1000),
    p50: s.p50,
    p99: s.p99,
    errors,
    requests: samples.length,
  };
}

/** autocannon against a GraphQL server: for `seconds`, or `perConnection` requests per connection. */
export async function cannon(
  url: string,
  request: GraphQLRequest,
  connections: number,
  seconds: number,
  perConnection: number | null,
): Promise<ConcurrencyResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    connections,
    ...(perConnection === null ? { duration: seconds } : { amount: connections * perConnection }),
    timeout: 30,
  });
  return {
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}
