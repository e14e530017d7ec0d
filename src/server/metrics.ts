import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../core/database';
import { classifyDatabaseError } from '../core/database-errors';

// Seconds. GraphQL requests here take 2-50 ms on a warm database (docs/benchmarks.md); the upper buckets
// catch the slow tail up to the read timeout.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];
const ROUND_TRIP_BUCKETS = [0, 1, 2, 3, 5, 10, 20];
const INGEST_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 1800];

/** Label value used once a label has seen its maximum number of distinct values. */
export const OTHER_LABEL = '__other__';

/**
 * Caps the distinct values a label takes: client-chosen strings (operation names) must not grow the
 * registry without bound. The first `max` values are kept; later ones are reported as OTHER_LABEL.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  /** The value to record for `value`. */
  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return OTHER_LABEL;
    this.seen.add(value);
    return value;
  }
}

/** What an ingest run reports (ingest/pipeline.ts's IngestSummary, which the server may not import). */
export interface IngestRun {
  totals: { articles: Record<string, number> };
  elapsedMs: number;
}

/** One registry and its metrics, created per app so that apps (and tests) never share counters. */
export interface Metrics {
  registry: Registry;
  graphqlRequests: Counter<'operation' | 'code'>;
  graphqlDuration: Histogram<'operation'>;
  graphqlRoundTrips: Histogram<'operation'>;
  operationLabel: BoundedLabel;
  codeLabel: BoundedLabel;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  httpDuration: Histogram<'route'>;
  dbActive: Gauge<'kind'>;
  dbDuration: Histogram<'kind' | 'outcome'>;
  ingestArticles: Counter<'status'>;
  ingestDuration: Histogram;
  responseCacheReads: Counter<'result'>;
  responseCacheInvalidations: Counter;
}

/** Creates a registry with the service's metrics; `processMetrics` adds prom-client's memory, CPU and event-loop lag. */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    graphqlRequests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation and outcome (the first error code, or OK).',
      labelNames: ['operation', 'code'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlRoundTrips: new Histogram({
      name: 'graphql_request_round_trips',
      help: 'Statements a GraphQL request sent to Neo4j (the compiled API aims at one).',
      labelNames: ['operation'],
      buckets: ROUND_TRIP_BUCKETS,
      registers,
    }),
    operationLabel: new BoundedLabel(200),
    codeLabel: new BoundedLabel(50),
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route.',
      labelNames: ['route'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    dbActive: new Gauge({
      name: 'neo4j_sessions_active',
      help: 'Database calls under way, each holding one connection of the driver pool (maxConnectionPoolSize 50).',
      labelNames: ['kind'],
      registers,
    }),
    dbDuration: new Histogram({
      name: 'neo4j_call_duration_seconds',
      help: 'Time of one database call, connection acquisition and retries included, by kind and outcome.',
      labelNames: ['kind', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    ingestArticles: new Counter({
      name: 'ingest_articles_total',
      help: 'Articles processed by ingest runs inside this process (the seed at start-up), by outcome.',
      labelNames: ['status'],
      registers,
    }),
    ingestDuration: new Histogram({
      name: 'ingest_run_duration_seconds',
      help: 'Duration of ingest runs inside this process.',
      buckets: INGEST_BUCKETS,
      registers,
    }),
    responseCacheReads: new Counter({
      name: 'graphql_response_cache_reads_total',
      help: 'Queries looked up in the response cache (docs/caching.md): answered from it (hit) or executed (miss).',
      labelNames: ['result'],
      registers,
    }),
    responseCacheInvalidations: new Counter({
      name: 'graphql_response_cache_invalidations_total',
      help: 'Times the whole response cache was dropped: a change read from the log, a log reset, a local mutation.',
      registers,
    }),
  };
}

/** Adds an ingest run's article counts and duration. */
export function recordIngest(metrics: Metrics, run: IngestRun): void {
  for (const [status, n] of Object.entries(run.totals.articles)) metrics.ingestArticles.inc({ status }, n);
  metrics.ingestDuration.observe(run.elapsedMs / 1000);
}

// Routes of app.ts; anything else is one label, so scanners probing random paths add no series.
const ROUTES = ['/graphql', '/explore', '/healthz', '/readyz', '/metrics'];

/** The bounded route label of a request path. */
export function routeLabel(path: string): string {
  if (ROUTES.includes(path)) return path;
  if (path.startsWith('/ui/')) return '/ui/*';
  if (/^\/export\/(graphml|cytoscape|nodes\.csv|edges\.csv)$/.test(path)) return path;
  return 'unmatched';
}

/** Express middleware counting and timing every response by route, method and status. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      // originalUrl: a mounted router (app.use('/graphql', ...)) rewrites req.path to its own remainder.
      const route = routeLabel(req.originalUrl.split('?')[0] ?? '');
      const method = ['GET', 'HEAD', 'POST', 'OPTIONS'].includes(req.method) ? req.method : 'other';
      stop({ route });
      metrics.httpRequests.inc({ route, method, status: String(res.statusCode) });
    });
    next();
  };
}

const TIMED_CALLS = ['read', 'write', 'writeTransaction', 'runSchema'] as const;

/**
 * The same Database, with each call timed and counted while it runs. The driver exposes no pool statistics
 * publicly, and every call holds one pooled connection from acquisition to release, so calls under way are
 * the connections in use as this process sees them. A proxy rather than a subclass: it works with whatever
 * constructor Database has.
 */
export function meteredDatabase(db: Database, metrics: Metrics): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !(TIMED_CALLS as readonly PropertyKey[]).includes(property)) return value;
      const kind = String(property);
      return async (...args: unknown[]) => {
        metrics.dbActive.inc({ kind });
        const stop = metrics.dbDuration.startTimer({ kind });
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          stop({ outcome: 'ok' });
          return result;
        } catch (error) {
          stop({ outcome: classifyDatabaseError(error) ?? 'error' });
          throw error;
        } finally {
          metrics.dbActive.dec({ kind });
        }
      };
    },
  });
}
