import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { Config } from '../../src/core/config';
import { type Database, openDatabase } from '../../src/core/database';
import { createLogger } from '../../src/core/logger';
import { PROJECT_ROOT } from '../../src/core/paths';
import { freePort } from '../../src/core/ports';
import { type RunningApp, startApp } from '../../src/server/app';
import { testConfig, testDatabase } from '../support/database';

/*
 * What `npm start` shows a client when something goes wrong: its configuration is the default one (no
 * NODE_ENV, no ERROR_DETAILS), and no error response may carry a stack trace or a path of this machine.
 */

const logger = createLogger({ env: 'test', level: 'silent' });

/** The configuration of `npm start` with NEO4J_URI set: NODE_ENV unset, every other variable at its default. */
function defaultConfig(uri: string, extra: Record<string, string> = {}): Config {
  return testConfig({ NODE_ENV: '', NEO4J_URI: uri, ...extra });
}

// An unexpected failure whose message names a file of this machine, as a driver or runtime error can.
const internalSchema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new Error(`ENOENT: no such file or directory, open '${PROJECT_ROOT}/cypher/queries/missing.cypher'`);
        },
      },
    },
  }),
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function post(app: RunningApp, body: string): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const query = (app: RunningApp, text: string): Promise<Answer> => post(app, JSON.stringify({ query: text }));

/** Fails naming the leak: a stack trace, this checkout's path, a source file with a line number. */
function expectNoDetails(kind: string, answer: Answer): void {
  const leaks = [
    /stacktrace/i,
    new RegExp(PROJECT_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    /\/(?:home|root|tmp|usr|work|opt|var)\/[\w.-]+/,
    /\bat [\w.<>]+ \(/,
    /\.[jt]s:\d+/,
  ];
  expect({ kind, leaks: leaks.filter((re) => re.test(answer.text)).map(String) }).toEqual({ kind, leaks: [] });
}

describe('error responses under the default configuration (npm start)', () => {
  let db: Database;
  let down: Database;
  let app: RunningApp;
  let internal: RunningApp;
  let unreachable: RunningApp;

  beforeAll(async () => {
    const config = defaultConfig(process.env.TEST_NEO4J_URI!);
    expect({ env: config.env, errorDetails: config.errorDetails, graphiql: config.graphiql }).toEqual({
      env: 'development',
      errorDetails: false,
      graphiql: true,
    });
    db = testDatabase(config);
    app = await startApp({ config, db, logger });
    internal = await startApp({ config, db, logger, schema: internalSchema });
    const closed = defaultConfig(`bolt://127.0.0.1:${await freePort()}`);
    down = openDatabase({ uri: closed.neo4j.uri!, user: 'neo4j', password: 'irrelevant' }, closed.neo4j);
    unreachable = await startApp({ config: closed, db: down, logger });
  });

  afterAll(async () => {
    await Promise.all([app, internal, unreachable].map((a) => a?.stop()));
    await Promise.all([db, down].map((d) => d?.close()));
  });

  it('says what is wrong with a bad argument, and nothing more', async () => {
    const answer = await query(app, '{ search(text: "sessions", first: 101) { id } }');
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expectNoDetails('bad argument', answer);
  });

  it('reports a syntax error with its location only', async () => {
    const answer = await query(app, '{ entity(id: "x") { name ');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expectNoDetails('syntax error', answer);
  });

  it('names an unknown field without a stack trace', async () => {
    const answer = await query(app, '{ entity(id: "x") { nosuchfield } }');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expectNoDetails('unknown field', answer);
  });

  it('hides an internal error behind a generic message', async () => {
    const answer = await query(internal, '{ boom }');
    expect(JSON.parse(answer.text).errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expectNoDetails('internal error', answer);
  });

  it('answers a database outage with 503 SERVICE_UNAVAILABLE and no driver message', async () => {
    const answer = await query(unreachable, '{ entity(id: "eric-garcetti") { name } }');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    const body = JSON.parse(answer.text);
    expect(body.data).toBeUndefined();
    expect(body).toMatchObject({
      errors: [
        {
          message: 'The graph database is unavailable; try again shortly.',
          locations: [{ line: 1, column: 3 }],
          path: ['entity'],
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
        },
      ],
    });
    expectNoDetails('database down', answer);
    const ready = await fetch(`${unreachable.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', reason: 'database unreachable' });
  });

  it('keeps HTTP 200 and the data when only some root fields failed for the outage', async () => {
    const answer = await query(unreachable, '{ ok: __typename down: entity(id: "eric-garcetti") { name } }');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ data: { ok: 'Query', down: null } });
  });

  it('answers a body that is not JSON with a JSON error, not an HTML stack trace', async () => {
    const answer = await post(app, '{"query": "{ entity(id: \\"x\\") { name } }"');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expectNoDetails('malformed JSON', answer);
  });
});

describe('error responses with ERROR_DETAILS=true (npm run dev)', () => {
  let db: Database;
  let internal: RunningApp;

  beforeAll(async () => {
    const config = defaultConfig(process.env.TEST_NEO4J_URI!, { ERROR_DETAILS: 'true' });
    db = testDatabase(config);
    internal = await startApp({ config, db, logger, schema: internalSchema });
  });

  afterAll(async () => {
    await internal?.stop();
    await db?.close();
  });

  it('shows the message and stack trace of an internal error', async () => {
    const answer = await query(internal, '{ boom }');
    const [error] = JSON.parse(answer.text).errors;
    expect(error.message).toContain('missing.cypher');
    expect(error.extensions.stacktrace.length).toBeGreaterThan(1);
  });
});
