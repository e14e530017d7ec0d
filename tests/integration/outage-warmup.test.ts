import type { Sample } from '../../bench/outage-figures';
import { OUTAGE_QUERIES, type OutageRun, runOutage, warmUp } from '../../bench/outage-load';
import { type ScratchNeo4j, startScratchNeo4j } from '../../bench/scratch-neo4j';
import { type Config, loadConfig } from '../../src/core/config';
import { type Database, openDatabase } from '../../src/core/database';
import { createLogger } from '../../src/core/logger';
import { migrate } from '../../src/core/migrate';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { silentProgress } from '../../src/core/progress';
import { type RunningApp, startApp } from '../../src/server/app';
import { loadFixture } from './api/fixture';

/*
 * After an outage the restarted Neo4j answers `RETURN 1` long before it can plan a real statement (a cold
 * JVM; docs/operations.md). The warm-up (NEO4J_WARMUP_TIMEOUT_MS) plans the service's recent read statements
 * on one session while the read gate stays closed: until then requests get a fast 503, and none is sent into
 * the cold server to wait out the query time-out. The Neo4j killed here is this test's own.
 */
jest.setTimeout(480_000);

// Scheduling slack on a loaded two-core machine, on top of the bounds the configuration promises.
const MARGIN_MS = 4_000;
const CLIENTS = 16;
// Long enough for a cold server on a busy machine to plan the statements (it took 20 to 25 s at load 20).
const WARMUP_TIMEOUT_MS = 60_000;

const answerTime = (s: Sample): number => s.end - s.start;

describe('the warm-up of a restarted database', () => {
  let neo4j: ScratchNeo4j | undefined;
  let db: Database;
  let app: RunningApp;
  let config: Config;
  let run: OutageRun;
  let boundMs: number;

  beforeAll(async () => {
    neo4j = await startScratchNeo4j(silentProgress);
    const server = neo4j.current!;
    config = loadConfig({
      NEO4J_URI: server.uri,
      NEO4J_USER: server.user,
      NEO4J_PASSWORD: server.password,
      PORT: '0',
      LOG_LEVEL: 'silent',
      RESPONSE_CACHE: 'false',
      NEO4J_WARMUP_TIMEOUT_MS: String(WARMUP_TIMEOUT_MS),
    });
    boundMs = config.neo4j.acquisitionTimeoutMs + config.neo4j.readinessTimeoutMs;
    db = openDatabase({ uri: server.uri, user: server.user, password: server.password }, config.neo4j);
    await migrate(db, MIGRATIONS_DIR, silentProgress);
    await loadFixture(db);
    app = await startApp({ config, db, logger: createLogger({ env: 'test', level: 'silent' }) });
    await warmUp(app.url);

    run = await runOutage({
      url: app.url,
      boltPort: neo4j.config.boltPort,
      clients: CLIENTS,
      warmupMs: 5_000,
      outageMs: 6_000,
      // The restarted server answered RETURN 1 up to 35 s after Bolt, and its warm-up took 21 s more.
      afterMs: 90_000,
      clientTimeoutMs: 60_000,
      kill: () => neo4j!.kill(),
      restart: () => neo4j!.restart(),
    });
  });

  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await neo4j?.dispose();
  });

  it('planned the statements of the traffic on the restarted server before admitting reads', () => {
    const warm = db.availability.lastWarmUp;
    expect(warm).not.toBeNull();
    expect(warm!.start).toBeGreaterThan(run.times.boltBack);
    expect(warm!.error).toBeUndefined();
    // At least the two queries of the load (the change follower's reads are planned beside them).
    expect(warm!.result).toBeGreaterThanOrEqual(OUTAGE_QUERIES.length);
    const servedBefore = run.requests.filter((s) => s.start > run.times.killed && s.ok && s.end < warm!.end);
    expect(servedBefore).toEqual([]);
  });

  it('sent no request into the cold server to wait out the query time-out: a bounded 503 or a success', () => {
    // Without the warm-up, the requests admitted the moment the probe succeeded hung until QUERY_TIMEOUT (17 s).
    const after = run.requests.filter((s) => s.start >= run.times.boltBack);
    const answers = new Set(after.map((s) => `${s.status} ${s.code ?? 'OK'}`));
    expect([...answers].sort()).toEqual(['200 OK', '503 SERVICE_UNAVAILABLE']);
    const slowest503 = Math.max(...after.filter((s) => !s.ok).map(answerTime));
    expect(slowest503).toBeLessThan(boundMs + MARGIN_MS);
    const slowestSuccess = Math.max(...after.filter((s) => s.ok).map(answerTime));
    expect(slowestSuccess).toBeLessThan(config.neo4j.queryTimeoutMs);
  });

  it('served every request started after the gate opened', () => {
    const warmEnd = db.availability.lastWarmUp!.end;
    const afterGate = run.requests.filter((s) => s.start >= warmEnd);
    expect(afterGate.length).toBeGreaterThan(CLIENTS);
    expect(afterGate.filter((s) => !s.ok).map((s) => s.code)).toEqual([]);
  });
});
