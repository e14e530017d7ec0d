import { startApp, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import { createDriver, Database } from '../../src/core/database';
import { testConfig, testDatabase } from '../support/database';
import { graphql } from '../support/http';

const logger = createLogger({ env: 'test', level: 'silent' });

describe('the service on a reachable database', () => {
  let db: Database;
  let app: RunningApp;
  beforeAll(async () => {
    db = testDatabase();
    app = await startApp({ config: testConfig(), db, logger });
  });
  afterAll(async () => {
    await app.stop();
    await db.close();
  });

  it('answers /healthz while the process lives', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 once the database is reachable and migrated', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('reports the real Neo4j server in the health query', async () => {
    const { status, body } = await graphql(
      app.url,
      '{ health { ok neo4jVersion neo4jEdition nodeCount relationshipCount } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.health).toEqual({
      ok: true,
      neo4jVersion: '5.26.30',
      neo4jEdition: 'community',
      nodeCount: expect.any(Number),
      relationshipCount: expect.any(Number),
    });
  });
});

describe('the service when the database is down', () => {
  let db: Database;
  let app: RunningApp;
  beforeAll(async () => {
    const config = testConfig({ NODE_ENV: 'production' });
    // Port 1 on loopback: nothing listens there, so every query fails to connect.
    db = new Database(createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'irrelevant' }), {
      database: 'neo4j',
      queryTimeoutMs: 1000,
    });
    app = await startApp({ config, db, logger });
  });
  afterAll(async () => {
    await app.stop();
    await db.close();
  });

  it('stays alive (/healthz 200) but not ready (/readyz 503)', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', reason: 'database unreachable' });
  });

  it('answers queries with a SERVICE_UNAVAILABLE error and no stack trace', async () => {
    const { body } = await graphql(app.url, '{ health { ok } }');
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toEqual({
      message: 'The graph database is unavailable; try again shortly.',
      locations: [{ line: 1, column: 3 }],
      path: ['health'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  }, 30000);
});
