import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { loadArticles, retractArticles } from '../../../ingest/pipeline';
import type { Database } from '../../../src/core/database';
import { PROJECT_ROOT } from '../../../src/core/paths';
import { alive, waitForExit } from '../../../src/core/processes';
import { seedCorpus } from '../api/support';
import { clearGraph, testConfig, testDatabase } from '../../support/database';
import { articleNamed, type Received, subscribe, wsClient } from '../../support/live';

/*
 * Issue 15, "two service processes on one Neo4j both deliver it": two real service processes (the compiled
 * entry point, as `npm start` runs it) share nothing but the test Neo4j. The ingest pipeline writes from this
 * process, outside both, as the CLI does; a graphql-ws subscriber of each process must get the event.
 */

const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'main.js');
/** A JVM-backed service start on a busy 2-core machine: generous, since a timeout here only names a slow start. */
const START_MS = 150_000;
/** Bound of one delivery after the commit: the poll is 100 ms, so this is slack for a loaded machine. */
const DELIVERY_MS = 15_000;

interface Event {
  seq: number;
  kind: string;
  article: { id: string };
  entityIds: string[];
}
type Ingested = { articleIngested: Event };
type Retracted = { articleRetracted: Event };

/** One service process, its output so far (for failure messages) and the URL it reported. */
interface Service {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** Starts `node dist/src/main.js` on the test Neo4j with PORT=0 and resolves with the URL it reports when ready. */
async function startService(name: string): Promise<Service> {
  const { neo4j } = testConfig();
  const child = spawn(process.execPath, [MAIN], {
    cwd: PROJECT_ROOT,
    // Only what the service needs: nothing of the developer's own environment changes what is tested.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      NEO4J_URI: neo4j.uri!,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password ?? '',
      PORT: '0',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
      CHANGE_FEED_POLL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} (pid ${child.pid}) did not report ready within ${START_MS} ms:\n${output}`)),
      START_MS,
    );
    // main.ts prints "Ready in … s: GraphQL at http://host:port/graphql" once it listens.
    const check = () => {
      const match = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
  return { child, output: () => output, url };
}

/** Resolves once /readyz answers 200 (it is polled, as a load balancer would); rejects after START_MS. */
async function ready(service: Service): Promise<void> {
  const deadline = Date.now() + START_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${service.url}/readyz`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.url}/readyz not 200 within ${START_MS} ms (last: ${last}):\n${service.output()}`);
}

/**
 * Waits until every subscription is registered with its process's follower. graphql-ws acknowledges nothing
 * on subscribe, so instead of a sleep this writes probes (each a new change) until each subscriber has one:
 * from then on each subscriber gets every later change.
 */
async function whenLive<T>(subs: Received<T>[], idOf: (r: T) => string, probe: (n: number) => Promise<string>) {
  const deadline = Date.now() + START_MS;
  for (let n = 0; ; n++) {
    const id = await probe(n);
    const seen = await Promise.allSettled(subs.map((s) => s.first((r) => idOf(r) === id, 3_000)));
    if (seen.every((s) => s.status === 'fulfilled')) return;
    if (Date.now() > deadline) throw new Error(`subscriptions not live within ${START_MS} ms (probe ${id})`);
  }
}

const children: ChildProcess[] = [];
const clients: Client[] = [];
let writer: Database;
let services: Service[];

beforeAll(async () => {
  writer = testDatabase();
  await seedCorpus(writer);
  services = await Promise.all([startService('service A'), startService('service B')]);
  await Promise.all(services.map(ready));
}, 2 * START_MS);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  // Whatever failed above: no service process outlives the suite.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map((c) => waitForExit(c.pid!, 10_000)));
  if (writer) {
    await clearGraph(writer);
    await writer.close();
  }
}, 30_000);

function client(service: Service): Client {
  const c = wsClient(service.url);
  clients.push(c);
  return c;
}

describe('two service processes on one Neo4j', () => {
  it('are two processes, neither of them this one, both ready on their own port', () => {
    const pids = services.map((s) => s.child.pid);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(process.pid);
    expect(new Set(services.map((s) => s.url)).size).toBe(2);
  });

  it(
    'both deliver articleIngested, with the article id, for an article written from outside both',
    async () => {
      const query = 'subscription { articleIngested { seq kind article { id } entityIds } }';
      const subs = services.map((s) => subscribe<Ingested>(client(s), query));
      await whenLive(
        subs,
        (r) => r.articleIngested.article.id,
        async (n) => {
          const id = `procs-probe-${n}`;
          await loadArticles(writer, [articleNamed(id, 100 + n)]);
          return id;
        },
      );

      const article = articleNamed('procs-article', 7);
      const { outcomes } = await loadArticles(writer, [article]);
      expect(outcomes.map((o) => o.status)).toEqual(['created']);
      const received = await Promise.all(
        subs.map((s) => s.first((r) => r.articleIngested.article.id === 'procs-article', DELIVERY_MS)),
      );
      for (const event of received) {
        expect(event.articleIngested).toMatchObject({ kind: 'INGESTED', article: { id: 'procs-article' } });
        expect(event.articleIngested.entityIds).toEqual(
          expect.arrayContaining(article.annotation.entities.map((e) => e.id)),
        );
      }
      // One change log: both processes deliver the same entry, under the same number.
      expect(received[0]).toEqual(received[1]);
      subs.forEach((s) => s.stop());
    },
    4 * START_MS,
  );

  it(
    'both deliver articleRetracted for a retraction written from outside both',
    async () => {
      const query = 'subscription { articleRetracted { seq kind article { id } } }';
      const subs = services.map((s) => subscribe<Retracted>(client(s), query));
      await whenLive(
        subs,
        (r) => r.articleRetracted.article.id,
        async (n) => {
          const id = `procs-retract-probe-${n}`;
          await loadArticles(writer, [articleNamed(id, 200 + n)]);
          await retractArticles(writer, [id]);
          return id;
        },
      );

      expect((await retractArticles(writer, ['procs-article'])).retracted).toEqual(['procs-article']);
      const received = await Promise.all(
        subs.map((s) => s.first((r) => r.articleRetracted.article.id === 'procs-article', DELIVERY_MS)),
      );
      expect(received.map((r) => r.articleRetracted.kind)).toEqual(['RETRACTED', 'RETRACTED']);
      expect(received[0]).toEqual(received[1]);
      subs.forEach((s) => s.stop());
    },
    4 * START_MS,
  );

  it('stop on SIGTERM with exit code 0, leaving no process behind', async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    const exits = services.map(
      (s) => new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code))),
    );
    services.forEach((s) => s.child.kill('SIGTERM'));
    expect(await Promise.all(exits)).toEqual([0, 0]);
    expect(services.map((s) => alive(s.child.pid!))).toEqual([false, false]);
  }, 60_000);
});
