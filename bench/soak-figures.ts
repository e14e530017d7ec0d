/* The figures of a soak run (docs/soak.md), computed from what the load and the sampler saw. Pure functions. */

/** One answered (or abandoned) request of the soak's closed loop. Times are ms since the load began. */
export interface SoakRequest {
  /** The query of the mix (bench/soak-queries.ts). */
  query: string;
  start: number;
  end: number;
  /** 'OK', the first GraphQL error code, `HTTP_<status>`, or CLIENT_TIMEOUT / NETWORK without a response. */
  code: string;
}

/** What the sampler read at one moment: the API's and Neo4j's memory. */
export interface MemorySample {
  /** ms since the load began. */
  at: number;
  apiRssMb: number | null;
  /** V8's used heap, from the service's /metrics (nodejs_heap_size_used_bytes). */
  apiHeapMb: number | null;
  neo4jRssMb: number | null;
}

/** Latency percentiles of a set of requests, in ms. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One sampling interval: the requests that ended in it, and the memory read at its end. */
export interface Interval extends Percentiles {
  /** End of the interval, seconds since the load began. */
  endS: number;
  rps: number;
  errors: Record<string, number>;
  memory: MemorySample | null;
}

/** The value at quantile q (0..1) of sorted values, by the nearest-rank method; NaN when there are none. */
function rank(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** p50, p95, p99 and max of the requests' answer times. */
export function percentiles(requests: SoakRequest[]): Percentiles {
  const ms = requests.map((r) => r.end - r.start).sort((a, b) => a - b);
  return {
    count: ms.length,
    p50: rank(ms, 0.5),
    p95: rank(ms, 0.95),
    p99: rank(ms, 0.99),
    max: ms.length ? ms[ms.length - 1]! : Number.NaN,
  };
}

/** Counts the failed requests by code ('OK' left out). */
export function errorsByCode(requests: SoakRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) if (r.code !== 'OK') counts[r.code] = (counts[r.code] ?? 0) + 1;
  return counts;
}

/** Splits the run into intervals of intervalMs by the time each request ended, each with the memory read last in it. */
export function intervals(
  requests: SoakRequest[],
  memory: MemorySample[],
  intervalMs: number,
  durationMs: number,
): Interval[] {
  const count = Math.max(1, Math.ceil(durationMs / intervalMs));
  const buckets: SoakRequest[][] = Array.from({ length: count }, () => []);
  for (const r of requests) buckets[Math.min(count - 1, Math.max(0, Math.floor(r.end / intervalMs)))]!.push(r);
  return buckets.map((bucket, i) => {
    const from = i * intervalMs;
    const to = Math.min(durationMs, (i + 1) * intervalMs);
    const read = memory.filter((m) => m.at > from && m.at <= to + intervalMs / 2);
    return {
      endS: to / 1000,
      ...percentiles(bucket),
      rps: bucket.length / Math.max(0.001, (to - from) / 1000),
      errors: errorsByCode(bucket),
      memory: read.length ? read[read.length - 1]! : null,
    };
  });
}

/** Least-squares slope of y over x (units of y per unit of x); NaN with fewer than two points. */
export function slope(points: { x: number; y: number }[]): number {
  if (points.length < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/**
 * The API's RSS trend: the slope of a least-squares line through the samples of the run's second half, in
 * MB per minute. The first half holds the warm-up (JIT, caches, the pool filling), which is growth by design.
 */
export function rssTrendMbPerMin(memory: MemorySample[], durationMs: number): number {
  const points = memory
    .filter((m) => m.at >= durationMs / 2 && m.apiRssMb !== null)
    .map((m) => ({ x: m.at / 60_000, y: m.apiRssMb! }));
  return slope(points);
}

/** Prometheus text format: each sample line as name{labels} → value (comments and blank lines skipped). */
export function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?(?:\{.*\})?)\s+(\S+)(?:\s+\d+)?$/.exec(line);
    if (m) samples.set(m[1]!, Number(m[2]));
  }
  return samples;
}

/** How much each counter sample whose name starts with one of `prefixes` moved between two scrapes. */
export function counterDeltas(before: Map<string, number>, after: Map<string, number>, prefixes: string[]) {
  const deltas: { sample: string; before: number; after: number; delta: number }[] = [];
  for (const [sample, value] of after) {
    if (!prefixes.some((p) => sample.startsWith(p))) continue;
    const was = before.get(sample) ?? 0;
    deltas.push({ sample, before: was, after: value, delta: value - was });
  }
  return deltas.sort((a, b) => a.sample.localeCompare(b.sample));
}

/** The goal of issue 13, point 4. */
export const GOAL = { errors: 0, p99Ms: 500, maxMs: 2000, rssSlopeMbPerMin: 1 };

/** One verdict line: what was asked, what was measured, and whether it held. */
export interface Verdict {
  goal: string;
  measured: string;
  met: boolean;
}

/** The verdicts of a run against GOAL. */
export function verdicts(whole: Percentiles, errors: number, rssSlope: number): Verdict[] {
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    { goal: 'no error', measured: `${errors} errors of ${whole.count} requests`, met: errors === GOAL.errors },
    { goal: `p99 < ${GOAL.p99Ms} ms`, measured: `p99 ${ms(whole.p99)}`, met: whole.p99 < GOAL.p99Ms },
    { goal: `max < ${GOAL.maxMs} ms`, measured: `max ${ms(whole.max)}`, met: whole.max < GOAL.maxMs },
    {
      goal: `no RSS growth trend (second-half slope ≤ ${GOAL.rssSlopeMbPerMin} MB/min)`,
      measured: Number.isFinite(rssSlope) ? `${rssSlope.toFixed(2)} MB/min` : 'not measured',
      met: Number.isFinite(rssSlope) && rssSlope <= GOAL.rssSlopeMbPerMin,
    },
  ];
}
