import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadArticles, retractArticles } from '../../../ingest/pipeline';
import type { Database } from '../../../src/core/database';
import { createLogger } from '../../../src/core/logger';
import { type RunningApp, startApp } from '../../../src/server/app';
import { clearGraph, testConfig, testDatabase } from '../../support/database';
import { articleNamed, retitled, subscribe, wsClient } from '../../support/live';

/*
 * Live updates end to end: the ingest pipeline writes through its own connection (as the CLI does, from
 * outside the service), two app instances on the one Neo4j follow the change log, and graphql-ws clients of
 * each receive the changes after the commit.
 */

const ARTICLE_FIELDS = 'seq kind at article { id title origin published } entityIds';
const INGESTED = `subscription { articleIngested { ${ARTICLE_FIELDS} } }`;
const RETRACTED = `subscription { articleRetracted { ${ARTICLE_FIELDS} } }`;
const ENTITY = `subscription ($id: ID!) { entityChanged(id: $id) { seq kind article { id } entityIds } }`;

interface Event {
  seq: number;
  kind: string;
  at: string;
  article: { id: string; title: string; origin: string; published: string | null };
  entityIds: string[];
}
type Ingested = { articleIngested: Event };

const config = testConfig({ CHANGE_FEED_POLL_MS: '100', SUBSCRIPTIONS_PER_CONNECTION: '3', MAX_QUERY_DEPTH: '3' });
const logger = createLogger({ env: 'test', level: 'silent' });
let writer: Database;
let replicaDbs: Database[];
let replicas: RunningApp[];
const clients: Client[] = [];

function client(app: RunningApp): Client {
  const c = wsClient(app.url);
  clients.push(c);
  return c;
}

/** Waits until the subscription is registered with the follower: graphql-ws acknowledges nothing on subscribe. */
async function settled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 500));
}

beforeAll(async () => {
  writer = testDatabase();
  await clearGraph(writer);
  replicaDbs = [testDatabase(), testDatabase()];
  replicas = await Promise.all(replicaDbs.map((db) => startApp({ config, db, logger })));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await Promise.all(replicas.map((r) => r.stop()));
  await Promise.all(replicaDbs.map((db) => db.close()));
  await clearGraph(writer);
  await writer.close();
});

describe('articleIngested', () => {
  it('reaches a subscriber of each of two replicas after the pipeline commits, with the article and its entities', async () => {
    const [a, b] = replicas.map((r) => subscribe<Ingested>(client(r), INGESTED));
    await settled();
    const article = articleNamed('live-first', 1);
    const { outcomes } = await loadArticles(writer, [article]);
    expect(outcomes.map((o) => o.status)).toEqual(['created']);

    const [fromA] = await a!.until(1);
    const [fromB] = await b!.until(1);
    expect(fromA).toEqual(fromB);
    const mentioned = [...new Set(article.annotation.entities.map((e) => e.id))];
    expect(fromA!.articleIngested).toMatchObject({
      kind: 'INGESTED',
      article: {
        id: 'live-first',
        title: article.annotation.article.title,
        origin: 'CURATED',
        published: article.annotation.article.published,
      },
    });
    expect(fromA!.articleIngested.entityIds).toEqual(expect.arrayContaining(mentioned));
    expect(Date.parse(fromA!.articleIngested.at)).not.toBeNaN();
    a!.stop();
    b!.stop();
  });

  it('says nothing of an unchanged re-ingest, and UPDATED for a changed one, in commit order', async () => {
    const sub = subscribe<Ingested>(client(replicas[0]!), INGESTED);
    await settled();
    const article = articleNamed('live-second', 2);
    await loadArticles(writer, [article]);
    const unchanged = await loadArticles(writer, [article]);
    expect(unchanged.outcomes.map((o) => o.status)).toEqual(['unchanged']);
    await loadArticles(writer, [retitled(article, 'A new title')]);

    const events = (await sub.until(2)).map((e) => e.articleIngested);
    expect(events.map((e) => [e.kind, e.article.id, e.article.title])).toEqual([
      ['INGESTED', 'live-second', article.annotation.article.title],
      ['UPDATED', 'live-second', 'A new title'],
    ]);
    expect(events[1]!.seq).toBe(events[0]!.seq + 1);
    sub.stop();
  });
});

describe('articleRetracted and entityChanged', () => {
  it('delivers a retraction with the ids the article mentioned', async () => {
    const article = articleNamed('live-retract', 3);
    await loadArticles(writer, [article]);
    const sub = subscribe<{ articleRetracted: Event }>(client(replicas[1]!), RETRACTED);
    await settled();
    expect((await retractArticles(writer, ['live-retract'])).retracted).toEqual(['live-retract']);
    const [event] = await sub.until(1);
    expect(event!.articleRetracted).toMatchObject({ kind: 'RETRACTED', article: { id: 'live-retract' } });
    expect(event!.articleRetracted.entityIds).toEqual(
      expect.arrayContaining(article.annotation.entities.map((e) => e.id)),
    );
    sub.stop();
  });

  it('entityChanged(id) delivers only the changes of articles that mention that entity', async () => {
    const first = articleNamed('live-entity-a', 4);
    const second = articleNamed('live-entity-b', 5);
    const idsOf = (a: typeof first) => new Set(a.annotation.entities.map((e) => e.id));
    // Entities no other article of this file mentions (the synthetic articles share hubs).
    const others = [1, 2, 3].flatMap((seed) => [...idsOf(articleNamed('other', seed))]);
    const onlyFirst = [...idsOf(first)].find((id) => !idsOf(second).has(id) && !others.includes(id));
    const onlySecond = [...idsOf(second)].find((id) => !idsOf(first).has(id) && !others.includes(id));
    expect(onlyFirst && onlySecond).toBeTruthy();
    const c = client(replicas[0]!);
    const ofFirst = subscribe<{ entityChanged: Event }>(c, ENTITY, { id: onlyFirst });
    const ofSecond = subscribe<{ entityChanged: Event }>(c, ENTITY, { id: onlySecond });
    await settled();
    await loadArticles(writer, [first]);
    await loadArticles(writer, [second]);
    await loadArticles(writer, [retitled(first, 'First, again')]);

    expect((await ofFirst.until(2)).map((e) => [e.entityChanged.kind, e.entityChanged.article.id])).toEqual([
      ['INGESTED', 'live-entity-a'],
      ['UPDATED', 'live-entity-a'],
    ]);
    // The second entity's subscriber saw the second article only, although the first one's update came after it.
    expect((await ofSecond.until(1)).map((e) => e.entityChanged.article.id)).toEqual(['live-entity-b']);
    expect(ofSecond.results).toHaveLength(1);
    ofFirst.stop();
    ofSecond.stop();
  });
});

describe('limits of the WebSocket endpoint', () => {
  let strict: RunningApp;
  let strictDb: Database;
  beforeAll(async () => {
    strictDb = testDatabase();
    const limits = {
      SUBSCRIPTIONS_PER_CONNECTION: '3',
      MAX_QUERY_DEPTH: '2',
      MAX_QUERY_COST: '3',
      SUBSCRIPTION_INIT_TIMEOUT_MS: '300',
    };
    strict = await startApp({ config: testConfig(limits), db: strictDb, logger });
  });
  afterAll(async () => {
    await strict.stop();
    await strictDb.close();
  });

  it('refuses a subscription beyond SUBSCRIPTIONS_PER_CONNECTION with TOO_MANY_SUBSCRIPTIONS', async () => {
    const c = client(strict);
    const held = [1, 2, 3].map(() => subscribe(c, 'subscription { articleIngested { seq } }'));
    const refused = subscribe(c, 'subscription { articleIngested { seq } }');
    expect(await refused.failure()).toEqual([
      expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 3 } }),
    ]);
    expect(held.flatMap((s) => s.errors)).toEqual([]);
    held.forEach((s) => s.stop());
  });

  it('applies the depth and cost limits of queries to subscription documents, with their codes', async () => {
    const c = client(strict);
    const deep = subscribe(c, 'subscription { articleIngested { article { id } } }');
    expect(await deep.failure()).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_DEEP', depth: 3, maxDepth: 2 } }),
    ]);
    const costly = subscribe(c, 'subscription { articleIngested { seq kind at entityIds } }');
    expect(await costly.failure()).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY', cost: 5, maxCost: 3 }),
      }),
    ]);
  });

  it('refuses a subscription sent over HTTP POST, pointing to the WebSocket', async () => {
    const response = await fetch(`${strict.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { articleIngested { seq } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/Subscriptions are served over WebSocket .*\/graphql/);
  });

  it('closes a connection that sends no connection_init in time (4408)', async () => {
    const socket = new WebSocket(`${strict.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('completes open subscriptions when the app stops (drain)', async () => {
    const db = testDatabase();
    const app = await startApp({ config, db, logger });
    const c = wsClient(app.url);
    const closed = new Promise<number>((resolve) =>
      c.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    const sub = subscribe(c, 'subscription { articleIngested { seq } }');
    await settled();
    await app.stop();
    expect(await closed).toBe(1001);
    sub.stop();
    await c.dispose();
    await db.close();
  });
});
