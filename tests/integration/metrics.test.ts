import { startApp, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import type { Database } from '../../src/core/database';
import { silentProgress } from '../../src/core/progress';
import { createMetrics, type Metrics, recordIngest } from '../../src/server/metrics';
import { UNRESOLVED_OPERATION } from '../../src/server/plugins/metrics';
import { seedIfEmpty } from '../../src/seed';
import { clearGraph, testConfig, testDatabase } from '../support/database';
import { graphql } from '../support/http';

/**
 * GET /metrics (issue 13): the Prometheus text format, and counters that move with the traffic, failures
 * included, on the real service over the seed corpus.
 */

/** Samples of a scrape, keyed by `name{label="value",...}` with labels sorted. */
type Samples = Map<string, number>;

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The key of a sample: its name and labels in a fixed order, as written in a Prometheus selector. */
function key(name: string, labels: Record<string, string> = {}): string {
  const pairs = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  return pairs.length ? `${name}{${pairs.join(',')}}` : name;
}

/** Parses the Prometheus text format; fails on a line that is neither a comment nor a sample. */
function parseExposition(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map((m) => [m[1]!, m[2]!]));
    samples.set(key(match[1]!, labels), Number(match[3]));
  }
  return samples;
}

async function scrape(url: string): Promise<{ contentType: string | null; samples: Samples }> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  return { contentType: res.headers.get('content-type'), samples: parseExposition(await res.text()) };
}

/** How much each sample moved between two scrapes (a sample absent before counts from 0). */
function delta(before: Samples, after: Samples): (name: string, labels?: Record<string, string>) => number {
  return (name, labels) => (after.get(key(name, labels)) ?? 0) - (before.get(key(name, labels)) ?? 0);
}

const logger = createLogger({ env: 'test', level: 'silent' });

describe('GET /metrics', () => {
  let db: Database;
  let metrics: Metrics;
  let app: RunningApp;

  beforeAll(async () => {
    db = testDatabase();
    // As src/main.ts does: the seed's summary goes into the registry the app then serves.
    await clearGraph(db);
    metrics = createMetrics();
    const seeded = await seedIfEmpty(db, silentProgress);
    if (!seeded) throw new Error('seedIfEmpty loaded nothing into an empty graph');
    recordIngest(metrics, seeded);
    app = await startApp({ config: testConfig(), db, logger, metrics });
  });

  afterAll(async () => {
    await app?.stop();
    await db?.close();
  });

  it('answers in the Prometheus text format, with process metrics and the seed ingest', async () => {
    const { contentType, samples } = await scrape(app.url);
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(samples.get(key('ingest_articles_total', { status: 'created' }))).toBe(5);
    expect(samples.get(key('ingest_articles_total', { status: 'failed' }))).toBe(0);
    expect(samples.get('ingest_run_duration_seconds_count')).toBe(1);
    expect(samples.get('ingest_run_duration_seconds_sum')).toBeGreaterThan(0);
  });

  it('counts requests, latency, round trips and database calls by operation and error code', async () => {
    const before = (await scrape(app.url)).samples;
    const named = 'query WhoIs { entity(id: "jeff-sessions") { name } }';
    for (let i = 0; i < 3; i++)
      expect((await graphql(app.url, named)).body.data).toEqual({ entity: { name: 'Jeff Sessions' } });
    const anonymous = await graphql(app.url, '{ b: search(text: "Garcetti") { id } a: entity(id: "x") { id } }');
    expect(anonymous.body.errors).toBeUndefined();
    const badInput = await graphql(app.url, 'query BadHops { path(from: "a", to: "b", maxHops: 9) { nodes { id } } }');
    expect(badInput.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const invalid = await graphql(app.url, 'query Invalid { noSuchField }');
    expect([invalid.status, invalid.body.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const unparsable = await graphql(app.url, '{ entity(');
    expect(unparsable.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const after = (await scrape(app.url)).samples;
    const moved = delta(before, after);
    const requests = (operation: string, code: string) => moved('graphql_requests_total', { operation, code });
    expect(requests('WhoIs', 'OK')).toBe(3);
    expect(requests('query:entity,search', 'OK')).toBe(1);
    expect(requests('BadHops', 'BAD_USER_INPUT')).toBe(1);
    // Neither the invalid query's name nor its text becomes a label.
    expect(requests(UNRESOLVED_OPERATION, 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(requests(UNRESOLVED_OPERATION, 'GRAPHQL_PARSE_FAILED')).toBe(1);
    expect([...after.keys()].filter((k) => /Invalid|noSuchField/.test(k))).toEqual([]);

    expect(moved('graphql_request_duration_seconds_count', { operation: 'WhoIs' })).toBe(3);
    expect(moved('graphql_request_duration_seconds_sum', { operation: 'WhoIs' })).toBeGreaterThan(0);
    expect(moved('graphql_request_duration_seconds_bucket', { operation: 'WhoIs', le: '+Inf' })).toBe(3);
    // The compiled API sends one statement per request; an invalid one sends none.
    expect(moved('graphql_request_round_trips_sum', { operation: 'WhoIs' })).toBe(3);
    expect(moved('graphql_request_round_trips_sum', { operation: UNRESOLVED_OPERATION })).toBe(0);
    // Every statement is one database call: the round trips of all operations add up to the reads.
    const roundTrips = [...after.keys()]
      .filter((k) => k.startsWith('graphql_request_round_trips_sum{'))
      .reduce((n, k) => n + after.get(k)! - (before.get(k) ?? 0), 0);
    expect(roundTrips).toBeGreaterThanOrEqual(4);
    expect(moved('neo4j_call_duration_seconds_count', { kind: 'read', outcome: 'ok' })).toBe(roundTrips);
    expect(after.get(key('neo4j_sessions_active', { kind: 'read' }))).toBe(0);

    // The HTTP view: Apollo answers 400 to the parse and validation failures, 200 to the rest.
    const http = (status: string) => moved('http_requests_total', { route: '/graphql', method: 'POST', status });
    expect([http('200'), http('400')]).toEqual([5, 2]);
    // The scrape before this one counted itself once finished.
    expect(moved('http_requests_total', { route: '/metrics', method: 'GET', status: '200' })).toBe(1);
  });

  it('keeps unknown paths in one route label', async () => {
    const before = (await scrape(app.url)).samples;
    for (const path of ['/wp-admin', '/a/b/c', '/.env']) expect((await fetch(`${app.url}${path}`)).status).toBe(404);
    const after = (await scrape(app.url)).samples;
    expect(delta(before, after)('http_requests_total', { route: 'unmatched', method: 'GET', status: '404' })).toBe(3);
    expect([...after.keys()].filter((k) => /wp-admin|\.env/.test(k))).toEqual([]);
  });

  it('gives each app its own registry, and none when METRICS=false', async () => {
    const other = await startApp({ config: testConfig(), db, logger });
    const off = await startApp({ config: testConfig({ METRICS: 'false' }), db, logger });
    try {
      await graphql(other.url, 'query OnlyHere { entity(id: "jeff-sessions") { id } }');
      const { samples } = await scrape(other.url);
      expect(samples.get(key('graphql_requests_total', { operation: 'OnlyHere', code: 'OK' }))).toBe(1);
      expect(samples.has(key('graphql_requests_total', { operation: 'WhoIs', code: 'OK' }))).toBe(false);
      expect(
        (await scrape(app.url)).samples.has(key('graphql_requests_total', { operation: 'OnlyHere', code: 'OK' })),
      ).toBe(false);
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    } finally {
      await other.stop();
      await off.stop();
    }
  });
});
