import { createDriver, Database } from '../../../src/core/database';
import { freePort as closedPort } from '../../../src/core/ports';
import { testConfig } from '../../support/database';
import { loadFixture } from './fixture';
import { apiFor, startApi } from './support';

describe('API errors and limits over HTTP', () => {
  const api = apiFor(loadFixture, () => testConfig({ MAX_QUERY_DEPTH: '8', MAX_QUERY_COST: '5000' }));

  it('answers a missing entity with null and no error', async () => {
    const response = await api.query(`{ entity(id: "no-such-entity") { id name } }`);
    expect(response).toMatchObject({ status: 200, data: { entity: null } });
    expect(response.errors).toBeUndefined();
  });

  it('rejects a bad argument with BAD_USER_INPUT saying what is wrong', async () => {
    const cases: [string, string][] = [
      ['{ search(text: "sessions", first: 101) { id } }', 'Argument "first" must be between 1 and 100 (got 101)'],
      [
        '{ events(from: "2018-13-01") { id } }',
        'Argument "from" must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD and a real day (got "2018-13-01")',
      ],
      [
        '{ neighborhood(id: "eric-garcetti", depth: 5) { nodes { id } } }',
        'Argument "depth" must be between 1 and 3 (got 5)',
      ],
      [
        '{ neighborhood(id: "eric-garcetti", types: ["KNOWS"]) { nodes { id } } }',
        'Argument "types" contains "KNOWS", which is not one of HOLDS_ROLE, PART_OF, SERVES, INITIATED, TARGETS, CONCERNS, OPPOSED, SUPPORTED, COOPERATED_WITH',
      ],
      [
        '{ path(from: "a", to: "b", maxHops: 0) { nodes { id } } }',
        'Argument "maxHops" must be between 1 and 6 (got 0)',
      ],
      [
        '{ stancesConnection(kind: OPPOSED, after: "bogus") { totalCount } }',
        'Argument "after" is not a cursor returned by this API (use a cursor or endCursor from a connection)',
      ],
    ];
    for (const [query, message] of cases) {
      const response = await api.query(query);
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('keeps the answers of other root fields when one argument is bad', async () => {
    const response = await api.query(
      `{ ok: entity(id: "jeff-sessions") { name } bad: path(from: "a", to: "b", maxHops: 9) { nodes { id } } }`,
    );
    expect(response.data).toEqual({ ok: { name: 'Jeff Sessions' }, bad: null });
    expect(response.errors?.map((e) => [e.path, e.extensions.code])).toEqual([[['bad'], 'BAD_USER_INPUT']]);
  });

  it('rejects a query nested deeper than MAX_QUERY_DEPTH with QUERY_TOO_DEEP before touching the database', async () => {
    const response = await api.query(`{
      entity(id: "jeff-sessions") { ... on Person { roles { organization { ... on Agency { members { person {
        roles { organization { ... on Agency { members { person { name } } } } } } } } } } } }
    }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Query is nested 10 levels deep; the limit is 8.',
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    expect(response.extensions?.roundTrips).toBe(0);
  });

  it('rejects a query estimated above MAX_QUERY_COST with QUERY_TOO_COSTLY, counting variables', async () => {
    const query = `query ($n: Int) { search(text: "sessions", first: $n) { ... on Person { roles(first: $n) { title evidence { quote } } } } }`;
    const cheap = await api.query(query, { n: 5 });
    expect(cheap.errors).toBeUndefined();
    const costly = await api.query(query, { n: 100 });
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(costly.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 5000/);
  });

  it('reports SERVICE_UNAVAILABLE when the database cannot be reached', async () => {
    const config = testConfig({ NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}` });
    const down = new Database(createDriver({ uri: config.neo4j.uri!, user: 'neo4j', password: 'irrelevant' }), {
      database: config.neo4j.database,
      queryTimeoutMs: 2000,
    });
    const unavailable = await startApi(down, config);
    try {
      const response = await unavailable.query(`{ entity(id: "jeff-sessions") { name } }`);
      // The operation failed whole: HTTP 503 and no data (src/server/plugins/unavailable-status.ts).
      expect(response.status).toBe(503);
      expect(response.data).toBeUndefined();
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'The graph database is unavailable; try again shortly.',
          path: ['entity'],
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
        }),
      ]);
    } finally {
      await unavailable.stop();
      await down.close();
    }
  });
});
