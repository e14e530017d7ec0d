import type { LoadResult } from './load';
import type { LatencySummary } from './measure';
import type { Verdict } from './equivalence';
import type { QueryParams } from './queries';

/**
 * The shape of benchmarks.json: what bench/run.ts measures and bench/report.ts renders. Its own module so
 * that the runner and the report both depend on it and not on each other.
 */

import { IMPLS, type Impl } from './impls';

export { IMPLS, type Impl };

/** A ratio a/b of medians with its spread: the pooled ratio, and the lowest and highest of the repeats'. */
export interface RatioSpread {
  ratio: number;
  min: number;
  max: number;
}

/** Throughput and latency of one implementation at a number of requests in flight. */
export interface ConcurrencyResult {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

/** One query in one implementation: sequential latency, concurrency runs, and round trips per request. */
export interface ImplResult {
  /** The c=1 samples of every repeat together (interleaved with the other implementations). */
  c1: LatencySummary | null;
  /** The p50 of each repeat: the spread of c1.p50. */
  repeatP50s: number[];
  /** Failed c=1 requests (none is expected: a cell with failures is reported). */
  c1Errors: number;
  concurrency: ConcurrencyResult[];
  roundTrips: number | null;
  error: string | null;
}

/** One query in all three implementations. */
export interface QueryResult {
  name: string;
  note?: string;
  /** The equivalence gate's verdict: ratios are reported only when it agrees. */
  gate: Verdict;
  /** This service's p50 over the other's, with the range over repeats (null: no samples on a side). */
  ratios: { neo4jGraphql: RatioSpread | null; raw: RatioSpread | null };
  impls: Record<Impl, ImplResult>;
}

/** Everything measured at one graph size: the load, the queries, and memory. */
export interface SizeResult {
  size: string;
  load: LoadResult | null;
  loadError: string | null;
  params: QueryParams;
  queries: QueryResult[];
  /** The machine's load average (1/5/15 min) when the queries of this size started and ended. */
  loadAverage?: { start: string; end: string };
  rss: { apiIdleMb: number | null; apiLoadMb: number | null; neo4jIdleMb: number | null; neo4jLoadMb: number | null };
}

/** Cold and warm start of the service with its own embedded Neo4j. */
export interface StartupResult {
  jarsCached: boolean;
  coldMs: number | null;
  warmMs: number | null;
  apiIdleMb: number | null;
  neo4jIdleMb: number | null;
  error: string | null;
}

/** A whole run, as written to benchmarks.json. */
export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  command: string;
  mode: 'smoke' | 'full';
  machine: Record<string, string | number>;
  settings: Record<string, string | number>;
  sizes: SizeResult[];
  startup: StartupResult | null;
}
