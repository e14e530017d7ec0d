import { loadArticles } from '../../../ingest/pipeline';
import { openDatabase, type Database } from '../../../src/core/database';
import { createLogger } from '../../../src/core/logger';
import { freePort } from '../../../src/core/ports';
import { type RunningApp, startApp } from '../../../src/server/app';
import { clearGraph, testConfig, testDatabase } from '../../support/database';
import { articleNamed, CuttableProxy, subscribe, wsClient } from '../../support/live';

/*
 * A replica loses its database while others keep writing: its follower reads through a TCP proxy that the
 * test cuts (connections dropped and refused) and restores. The writer goes straight to Neo4j. The
 * subscriber must get every change written during the outage once the link is back, in order, none lost.
 */
jest.setTimeout(120_000);

type Event = { articleIngested: { seq: number; article: { id: string } } };

let writer: Database;
let replicaDb: Database;
let proxy: CuttableProxy;
let app: RunningApp;

beforeAll(async () => {
  writer = testDatabase();
  await clearGraph(writer);
  const direct = testConfig();
  const target = Number(new URL(direct.neo4j.uri!.replace(/^bolt/, 'http')).port);
  proxy = new CuttableProxy(target, await freePort());
  await proxy.open();
  const config = testConfig({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`, CHANGE_FEED_POLL_MS: '100' });
  replicaDb = openDatabase(
    { uri: config.neo4j.uri!, user: config.neo4j.user, password: config.neo4j.password ?? '' },
    config.neo4j,
  );
  app = await startApp({ config, db: replicaDb, logger: createLogger({ env: 'test', level: 'silent' }) });
});
afterAll(async () => {
  await app?.stop();
  await replicaDb?.close();
  await proxy?.cut();
  await clearGraph(writer);
  await writer.close();
});

it('delivers the changes committed while its database was unreachable, in order, after it comes back', async () => {
  const client = wsClient(app.url);
  const sub = subscribe<Event>(client, 'subscription { articleIngested { seq article { id } } }');
  await new Promise((r) => setTimeout(r, 500));
  await loadArticles(writer, [articleNamed('outage-before', 11)]);
  await sub.until(1);

  await proxy.cut();
  const during = ['outage-1', 'outage-2', 'outage-3'];
  for (const [i, id] of during.entries()) await loadArticles(writer, [articleNamed(id, 12 + i)]);
  // Several polls fail meanwhile (the follower polls every 100 ms); nothing can arrive through a cut link.
  await new Promise((r) => setTimeout(r, 1_500));
  expect(sub.results).toHaveLength(1);
  expect(replicaDb.availability.down).toBe(true);

  await proxy.open();
  await loadArticles(writer, [articleNamed('outage-after', 20)]);
  const events = (await sub.until(5, 30_000)).map((e) => e.articleIngested);
  expect(events.map((e) => e.article.id)).toEqual(['outage-before', ...during, 'outage-after']);
  expect(events.map((e) => e.seq - events[0]!.seq)).toEqual([0, 1, 2, 3, 4]);
  expect(sub.errors).toEqual([]);
  sub.stop();
  await client.dispose();
});
