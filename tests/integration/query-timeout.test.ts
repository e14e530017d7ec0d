import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Context } from '../../src/graphql/context';
import type { Database } from '../../src/core/database';
import { classifyDatabaseError } from '../../src/core/database-errors';
import { createLogger } from '../../src/core/logger';
import { type RunningApp, startApp } from '../../src/server/app';
import { testConfig, testDatabase } from '../support/database';

/*
 * A read stopped by NEO4J_QUERY_TIMEOUT_MS reaches the client as QUERY_TIMEOUT with a retry hint, not as an
 * internal error. Neo4j 5 Community has no sleep procedure; counting a long range keeps the server busy far
 * longer than the 1 ms allowed, and the server's transaction monitor (every 2 s by default) stops it.
 */
const SLOW = 'UNWIND range(1, 2000000000) AS x RETURN count(x) AS n';

const slowSchema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      slow: {
        type: GraphQLInt,
        resolve: async (_source, _args, ctx) => (await ctx.db.read<{ n: number }>(SLOW))[0]?.n ?? null,
      },
    },
  }),
});

describe('a read that outlives NEO4J_QUERY_TIMEOUT_MS', () => {
  let db: Database;
  let app: RunningApp;

  beforeAll(async () => {
    const config = testConfig({ NEO4J_QUERY_TIMEOUT_MS: '1' });
    db = testDatabase(config);
    app = await startApp({ config, db, logger: createLogger({ env: 'test', level: 'silent' }), schema: slowSchema });
  });

  afterAll(async () => {
    await app?.stop();
    await db?.close();
  });

  it('fails with the server’s timeout code, which classifies as a timeout', async () => {
    const error = await db.read(SLOW).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    expect(classifyDatabaseError(error)).toBe('timeout');
  });

  it('reaches the client as QUERY_TIMEOUT with retryable: true', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow }' }),
    });
    const body = (await res.json()) as { data: unknown; errors: unknown[] };
    expect(res.status).toBe(200);
    expect(body.data).toEqual({ slow: null });
    expect(body.errors).toEqual([
      {
        message: 'The query took longer than the time allowed; try again.',
        locations: [{ line: 1, column: 3 }],
        path: ['slow'],
        extensions: { code: 'QUERY_TIMEOUT', retryable: true },
      },
    ]);
  });
});
