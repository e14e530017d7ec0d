import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { LIMITS } from '../../src/compiler/arguments/limits';
import { type Config, loadConfig } from '../../src/core/config';
import type { Database } from '../../src/core/database';
import { MAX_BODY_BYTES } from '../../src/server/app';
import { testDatabase } from '../support/database';
import { apiFor, seedCorpus } from './api/support';

/*
 * A hostile client against the service as `npm start` runs it: the configuration main.ts loads from an
 * environment without NODE_ENV or ERROR_DETAILS (only the database and a free port given), on the seed graph.
 * Every case checks the refusal (HTTP status, error code, a message saying what is wrong and where) and that no
 * answer carries a stack trace, a path or file name of this machine, or Neo4j's own words. After the battery,
 * the graph must be exactly what it was.
 */

/** What `npm start` loads in a clean environment pointed at the test database. */
function npmStartConfig(): Config {
  return loadConfig({
    NEO4J_URI: process.env.TEST_NEO4J_URI,
    NEO4J_USER: process.env.TEST_NEO4J_USER,
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
}
const config = npmStartConfig();
const { maxDepth, maxCost, maxAliases } = config.limits;

interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * Leaks a client must never see: the first four are the server's internals, the last Neo4j's (its error codes, Java
 * classes, the driver's messages, Cypher text; not its name, which the public schema's descriptions use).
 */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /stacktrace|\bat (?:async )?[\w.$<>[\]]+ \(|\n\s+at |\bat (?:file:|\/)/i],
  ['absolute path', /\/(?:work|home|root|tmp|usr|opt|var|srv|app)\/|node_modules|[A-Z]:\\/],
  ['source file', /\b[\w.-]+\.(?:ts|js|cjs|mjs|java|cypher)\b/],
  ['project path', new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
  [
    'Neo4j internals',
    /Neo\.(?:Client|Transient|Database)Error|Neo4jError|ServiceUnavailable|SessionExpired|routing (?:servers|table)|org\.neo4j|java\.|bolt:\/\/|\bCypher\b|\bMATCH \(|\bRETURN\b|\bCALL \{/,
  ],
];

/**
 * The leaks in an answer. What the client sent may come back in a message ("got …"): its own text is removed
 * first, as JSON writes it, so a search for "MATCH (n)" is not taken for a leak of the statement.
 */
function leaksOf(text: string, sent: readonly string[] = []): string[] {
  let own = text;
  for (const s of sent) own = own.split(JSON.stringify(s).slice(1, -1)).join('');
  return LEAKS.filter(([, re]) => re.test(own)).map(([name]) => name);
}

/** The refusal an answer must be: one error (or the first of several) with this status, code and message. */
function expectRefusal(answer: Answer, status: number, code: string, message: string | RegExp): void {
  expect(answer.status).toBe(status);
  const [error] = answer.body.errors ?? [];
  expect(error?.extensions?.code).toBe(code);
  if (typeof message === 'string') expect(error?.message).toBe(message);
  else expect(error?.message).toMatch(message);
}

/** Nodes and relationships, each with its labels or type, ends and every property, as one digest. */
async function fingerprint(db: Database): Promise<{ nodes: number; relationships: number; checksum: string }> {
  const [nodes] = await db.read<{ count: number; all: unknown[] }>(
    `MATCH (n) WITH n ORDER BY elementId(n)
     RETURN count(n) AS count, collect([labels(n), properties(n)]) AS all`,
  );
  const [relationships] = await db.read<{ count: number; all: unknown[] }>(
    `MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
     RETURN count(r) AS count, collect([type(r), a.id, b.id, properties(r)]) AS all`,
  );
  const checksum = createHash('sha256')
    .update(JSON.stringify([nodes!.all, relationships!.all]))
    .digest('hex');
  return { nodes: Number(nodes!.count), relationships: Number(relationships!.count), checksum };
}

/**
 * Strings a client may send hoping to reach the database as code: Cypher and Lucene syntax, quotes that would
 * close a literal, NUL and other control characters, a lone surrogate, markup, and texts past the length limit.
 */
const INJECTIONS: readonly string[] = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  '}) MATCH (n) DETACH DELETE n //',
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  "x' RETURN 1 UNION MATCH (n) RETURN n //",
  'CALL dbms.components() YIELD name RETURN name',
  "CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value",
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  '$id',
  "{id: 'jeff-sessions'}",
  '\u0000',
  'jeff\u0000sessions',
  '\r\nMATCH (n) DETACH DELETE n',
  '*',
  '?',
  'name:* OR aliases:*',
  'a AND b OR NOT c',
  '"unterminated',
  '(((((',
  '\\',
  'sessions~10^5',
  '/.*/',
  '<script>alert(1)</script>',
  '\ud800 \ufeff \u202e',
  's'.repeat(LIMITS.maxTextLength + 1),
  'x'.repeat(100_000),
];

/** Every root field that takes free text or an id, so each string reaches every argument of that kind. */
const INJECTION_QUERY = `query Injection($t: String!, $id: ID!) {
  search(text: $t, first: 5) { id }
  entity(id: $id) { id }
  timeline(id: $id, first: 5) { id }
  neighborhood(id: $id, first: 5) { nodes { id } }
  path(from: $id, to: $id) { nodes { id } }
  stances(kind: OPPOSED, actor: $t, first: 5) { kind }
  events(by: $t, program: $t, target: $t, first: 5) { id }
}`;

describe('hostile clients against npm start', () => {
  const api = apiFor(seedCorpus, () => config);
  let db: Database;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  /** Every answer of the battery with what was sent, checked for leaks at the end as well as in each case. */
  const answers: { name: string; answer: Answer; sent: readonly string[] }[] = [];

  beforeAll(async () => {
    db = testDatabase();
    before = await fingerprint(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  /** Sends a raw request to /graphql, checks its answer for leaks, and returns it parsed. */
  async function send(
    name: string,
    init: { method?: string; search?: string; headers?: Record<string, string>; body?: string },
    sent: readonly string[] = [],
  ): Promise<Answer> {
    const response = await fetch(`${api.app.url}/graphql${init.search ?? ''}`, {
      method: init.method ?? 'POST',
      headers: init.headers ?? { 'content-type': 'application/json' },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/(?:graphql-response\+)?json/);
    const answer = { status: response.status, text, body: JSON.parse(text) };
    answers.push({ name, answer, sent });
    expect({ name, leaks: leaksOf(text, sent) }).toEqual({ name, leaks: [] });
    return answer;
  }

  const post = (name: string, payload: unknown, sent: readonly string[] = []): Promise<Answer> =>
    send(name, { body: JSON.stringify(payload) }, sent);

  it('is the configuration npm start loads: development, no error details', () => {
    expect({ env: config.env, errorDetails: config.errorDetails, graphiql: config.graphiql }).toEqual({
      env: 'development',
      errorDetails: false,
      graphiql: true,
    });
    // The leak check itself finds what it looks for: a stack of this process, Neo4j's error code and statement.
    expect(leaksOf(JSON.stringify({ stack: new Error('x').stack }))).toEqual(
      expect.arrayContaining(['stack trace', 'absolute path', 'source file', 'project path']),
    );
    expect(leaksOf('Neo.ClientError.Statement.SyntaxError: MATCH (n) RETURN n')).toEqual(['Neo4j internals']);
  });

  it('1. refuses a 40-level nested query with QUERY_TOO_DEEP before touching the database', async () => {
    // entity, nine Person → roles → organization → members → person rounds of four, roles → organization → name.
    let selection = '... on Person { roles { organization { name } } }';
    for (let i = 0; i < 9; i++) {
      selection = `... on Person { roles { organization { ... on Agency { members { person { ${selection} } } } } } }`;
    }
    const answer = await post('deep', { query: `{ entity(id: "jeff-sessions") { ${selection} } }` });
    expectRefusal(answer, 400, 'QUERY_TOO_DEEP', `Query is nested 40 levels deep; the limit is ${maxDepth}.`);
    expect(answer.body.errors[0].locations).toEqual([{ line: 1, column: 1 }]);
    expect(answer.body.extensions.roundTrips).toBe(0);
  });

  it('2. refuses 500 aliases with QUERY_TOO_MANY_ALIASES, and answers the limit itself', async () => {
    const aliased = (n: number): string =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: entity(id: "jeff-sessions") { id }`).join(' ')} }`;
    const answer = await post('500 aliases', { query: aliased(500) });
    expectRefusal(
      answer,
      400,
      'QUERY_TOO_MANY_ALIASES',
      `Query uses 500 aliases; the limit is ${maxAliases}: send fewer repeated fields, or several requests.`,
    );
    expect(answer.body.errors[0].locations).toEqual([{ line: 1, column: 1 }]);
    expect(answer.body.extensions.roundTrips).toBe(0);
    const atLimit = await post('aliases at the limit', { query: aliased(maxAliases) });
    expect(atLimit.status).toBe(200);
    expect(Object.values(atLimit.body.data)).toEqual(Array(maxAliases).fill({ id: 'jeff-sessions' }));
  });

  it('3. refuses a batch of 200 operations: batching is off', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => ({ query: `{ entity(id: "e${i}") { id } }` }));
    const answer = await post('batch', batch);
    expectRefusal(answer, 400, 'BAD_REQUEST', 'Operation batching disabled.');
    expect(answer.body.data).toBeUndefined();
  });

  it('4. refuses out-of-range arguments: first -1 as a bad argument, first 10^6 as too costly', async () => {
    const negative = await post('first -1', { query: '{ search(text: "sessions", first: -1) { id } }' });
    expectRefusal(
      negative,
      200,
      'BAD_USER_INPUT',
      `Argument "first" must be between 1 and ${LIMITS.maxPageSize} (got -1)`,
    );
    expect(negative.body.errors[0]).toMatchObject({ path: ['search'], extensions: { argument: 'first' } });
    const huge = await post('first 10^6', {
      query: 'query Huge($n: Int) { search(text: "sessions", first: $n) { id } }',
      variables: { n: 10 ** 6 },
    });
    expectRefusal(
      huge,
      400,
      'QUERY_TOO_COSTLY',
      new RegExp(`^Query cost \\d+ exceeds the limit of ${maxCost}: ask for smaller pages \\(first\\)`),
    );
    const beyondInt = await post('first 2^31', { query: '{ search(text: "sessions", first: 2147483648) { id } }' });
    expectRefusal(
      beyondInt,
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /^Int cannot represent non 32-bit signed integer value: 2147483648/,
    );
    expect(beyondInt.body.errors[0].locations).toEqual([{ line: 1, column: 35 }]);
    const depth = await post('depth 5', { query: '{ neighborhood(id: "jeff-sessions", depth: 5) { nodes { id } } }' });
    expectRefusal(
      depth,
      200,
      'BAD_USER_INPUT',
      `Argument "depth" must be between 1 and ${LIMITS.maxNeighborhoodDepth} (got 5)`,
    );
  });

  it('5. refuses malformed arguments: a bad id, a bad date, a wrong enum (literal and variable), a bad cursor', async () => {
    const floatId = await post('float id', { query: '{ entity(id: 12.5) { id } }' });
    expectRefusal(
      floatId,
      400,
      'GRAPHQL_VALIDATION_FAILED',
      'ID cannot represent a non-string and non-integer value: 12.5',
    );
    expect(floatId.body.errors[0].locations).toEqual([{ line: 1, column: 14 }]);
    const emptyId = await post('empty id', { query: '{ entity(id: "  ") { id } }' });
    expectRefusal(emptyId, 200, 'BAD_USER_INPUT', 'Argument "id" must not be empty');
    expect(emptyId.body.errors[0].path).toEqual(['entity']);
    const date = await post('bad date', { query: '{ events(from: "2018-02-30") { id } }' });
    expectRefusal(
      date,
      200,
      'BAD_USER_INPUT',
      'Argument "from" must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD and a real day (got "2018-02-30")',
    );
    const literalEnum = await post('bad enum literal', { query: '{ stances(kind: MAYBE) { kind } }' });
    expectRefusal(literalEnum, 400, 'GRAPHQL_VALIDATION_FAILED', 'Value "MAYBE" does not exist in "StanceKind" enum.');
    expect(literalEnum.body.errors[0].locations).toEqual([{ line: 1, column: 17 }]);
    // The cost estimate coerces variables first: its error was an internal one (500) until query-limits.ts said otherwise.
    const variableEnum = await post('bad enum variable', {
      query: 'query Kind($k: StanceKind!) { stances(kind: $k) { kind } }',
      variables: { k: 'MAYBE' },
    });
    expectRefusal(
      variableEnum,
      400,
      'BAD_USER_INPUT',
      /^Variable "\$k" got invalid value "MAYBE"; Value "MAYBE" does not exist in "StanceKind" enum\./,
    );
    expect(variableEnum.body.errors[0].locations).toEqual([{ line: 1, column: 12 }]);
    const missing = await post('missing variable', {
      query: 'query Kind($k: StanceKind!) { stances(kind: $k) { kind } }',
    });
    expectRefusal(missing, 400, 'BAD_USER_INPUT', 'Variable "$k" of required type "StanceKind!" was not provided.');
    const cursor = await post('bad cursor', {
      query: '{ searchConnection(text: "sessions", after: "bogus") { totalCount } }',
    });
    expectRefusal(
      cursor,
      200,
      'BAD_USER_INPUT',
      'Argument "after" is not a cursor returned by this API (use a cursor or endCursor from a connection)',
    );
  });

  it('6. answers 28 injection strings as text and ids normally or with BAD_USER_INPUT, never an internal error', async () => {
    expect(INJECTIONS).toHaveLength(28);
    const roots = ['search', 'entity', 'timeline', 'neighborhood', 'path', 'stances', 'events'];
    for (const text of INJECTIONS) {
      const answer = await post('injection', { query: INJECTION_QUERY, variables: { t: text, id: text } }, [text]);
      const label = JSON.stringify(text.slice(0, 40));
      const errors: { path: string[]; extensions: { code: string } }[] = answer.body.errors ?? [];
      expect({ label, status: answer.status }).toEqual({ label, status: 200 });
      expect({ label, codes: [...new Set(errors.map((e) => e.extensions.code))] }).toEqual({
        label,
        codes: errors.length ? ['BAD_USER_INPUT'] : [],
      });
      // Each root field has its answer (a list, a subgraph, null for no such entity) or its own error; an error
      // of a non-null root field (search, timeline…) nulls the whole of data, as GraphQL has it.
      const data = answer.body.data;
      for (const root of roots) {
        const failed = errors.some((e) => e.path?.[0] === root);
        const answered = failed ? 'error' : data === null ? 'nulled' : root in data ? 'data' : 'missing';
        expect({ label, root, answered }).toEqual({
          label,
          root,
          answered: failed ? 'error' : data === null ? 'nulled' : 'data',
        });
        if (answered === 'nulled') expect({ label, errors: errors.length > 0 }).toEqual({ label, errors: true });
      }
    }
    // A text past the limit is refused by name and length, not cut or sent on.
    const long = await post('long text', { query: INJECTION_QUERY, variables: { t: 'x'.repeat(100_000), id: 'x' } });
    expect(long.body.errors.find((e: { path: string[] }) => e.path[0] === 'search')).toMatchObject({
      message: `Argument "text" must be at most ${LIMITS.maxTextLength} characters (got 100000)`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'text' },
    });
  });

  it('7. refuses a 2 MB body with 413 before parsing it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const answer = await send('2 MB body', { body });
    expectRefusal(
      answer,
      413,
      'BAD_REQUEST',
      `The request body of ${Buffer.byteLength(body)} bytes is larger than the limit of ${MAX_BODY_BYTES} bytes.`,
    );
  });

  it('8. refuses malformed JSON with a JSON error naming the body', async () => {
    const answer = await send('malformed JSON', { body: '{"query": "{ entity(id: \\"x\\") { id } }", ' });
    expectRefusal(answer, 400, 'BAD_REQUEST', /^The request body is not valid JSON: .+\.$/);
    const notAnObject = await send('JSON array of numbers', { body: '[1, 2]' });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  // Apollo answers a GET mutation 405 once the operation is validated, before anyone's key is looked at: a GET
  // (a link, an <img>) never writes, whoever sends it.
  it('9. refuses a mutation over GET with 405, and a GET without a preflight header as CSRF', async () => {
    const search = `?query=${encodeURIComponent('mutation Write { retractArticle(id: "004_7eba275eeb4bf9d5") { id } }')}`;
    const answer = await send('GET mutation', {
      method: 'GET',
      search,
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    expectRefusal(answer, 405, 'BAD_REQUEST', 'GET requests only support query operations, not mutation operations');
    const simple = await send('GET without preflight', {
      method: 'GET',
      search,
      headers: { accept: 'application/json' },
    });
    expectRefusal(
      simple,
      400,
      'BAD_REQUEST',
      /^This operation has been blocked as a potential Cross-Site Request Forgery/,
    );
    // GET itself works for a query, with the header a browser cannot send cross-site without a preflight.
    const query = await send('GET query', {
      method: 'GET',
      search: `?query=${encodeURIComponent('{ entity(id: "jeff-sessions") { id } }')}`,
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    expect(query.body).toMatchObject({ data: { entity: { id: 'jeff-sessions' } } });
  });

  it('10. refuses CSRF-able posts: form-encoded, text/plain and multipart bodies without the preflight header', async () => {
    const json = JSON.stringify({ query: '{ entity(id: "jeff-sessions") { id } }' });
    const posts: [string, string][] = [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent('{ entity(id: "jeff-sessions") { id } }')}`],
      ['text/plain', json],
      ['text/plain;charset=UTF-8', json],
      [
        'multipart/form-data; boundary=b',
        `--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--b--\r\n`,
      ],
    ];
    for (const [type, body] of posts) {
      const answer = await send(`form post ${type}`, { headers: { 'content-type': type }, body });
      expectRefusal(
        answer,
        400,
        'BAD_REQUEST',
        /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\. Please either specify a 'content-type' header/,
      );
      expect(answer.body.data).toBeUndefined();
    }
  });

  /*
   * Suggestions ("Did you mean …?") stay on in the default configuration. They tell a client no more than the
   * schema does, and the schema is public here: introspection is on (app.ts), GraphiQL is served, and
   * schema/schema.graphql is published with the code. Hiding them would make mistakes harder to fix and hide
   * nothing; they should go together with introspection, if it is ever turned off.
   */
  it('11. names an unknown field and suggests the near one', async () => {
    const answer = await post('unknown field, near', { query: '{ entity(id: "jeff-sessions") { nam } }' });
    expectRefusal(
      answer,
      400,
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "nam" on type "Entity". Did you mean "name"?',
    );
    expect(answer.body.errors[0].locations).toEqual([{ line: 1, column: 33 }]);
    expect(answer.body.data).toBeUndefined();
  });

  it('12. names an unknown field with nothing near without a suggestion', async () => {
    const answer = await post('unknown field, far', { query: '{ entity(id: "jeff-sessions") { password } }' });
    expectRefusal(answer, 400, 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field "password" on type "Entity".');
    expect(answer.body.errors[0].locations).toEqual([{ line: 1, column: 33 }]);
  });

  it('13. answers introspection as configured (on, as GraphiQL needs), and refuses a recursive introspection bomb', async () => {
    const full = await post('introspection', { query: getIntrospectionQuery() });
    expect(full.status).toBe(200);
    expect(full.body.data.__schema.queryType).toMatchObject({ name: 'Query' });
    expect(full.body.data.__schema.mutationType).toMatchObject({ name: 'Mutation' });
    expect(full.body.data.__schema.subscriptionType).toMatchObject({ name: 'Subscription' });
    const bomb = await post('introspection bomb', {
      query: '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }',
    });
    expectRefusal(bomb, 400, 'GRAPHQL_VALIDATION_FAILED', 'Maximum introspection depth exceeded');
    expect(bomb.body.errors[0].locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('14. refuses an unknown operation name, and several operations without one', async () => {
    const document = 'query A { entity(id: "jeff-sessions") { id } } query B { entity(id: "x") { id } }';
    const unknown = await post('unknown operation', { query: document, operationName: 'DropAll' });
    expectRefusal(unknown, 400, 'OPERATION_RESOLUTION_FAILURE', 'Unknown operation named "DropAll".');
    const unnamed = await post('no operation name', { query: document });
    expectRefusal(
      unnamed,
      400,
      'OPERATION_RESOLUTION_FAILURE',
      'Must provide operation name if query contains multiple operations.',
    );
  });

  it('15. refuses a query over the complexity limit with QUERY_TOO_COSTLY, counting variables', async () => {
    const query = `query Costly($n: Int) { search(text: "sessions", first: $n) { ... on Person { roles(first: $n) { title } } } }`;
    // Cost of search(first: n) { roles(first: n) { title } } is 1 + n·(1 + n·1): the smallest n above the limit.
    const n = Math.ceil(Math.sqrt(maxCost));
    const answer = await post('costly', { query, variables: { n } });
    const cost = 1 + n * (1 + n);
    expect(cost).toBeGreaterThan(maxCost);
    expectRefusal(
      answer,
      400,
      'QUERY_TOO_COSTLY',
      `Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists.`,
    );
    expect(answer.body.extensions.roundTrips).toBe(0);
  });

  it('16. refuses a mutation by POST without a key (401 UNAUTHENTICATED), and a subscription over HTTP', async () => {
    const mutation = await post('mutation', {
      query: 'mutation Write { retractArticle(id: "004_7eba275eeb4bf9d5") { id } }',
    });
    expectRefusal(
      mutation,
      401,
      'UNAUTHENTICATED',
      'A mutation needs a writer API key: send it as "Authorization: Bearer <key>".',
    );
    const subscription = await post('subscription', {
      query: 'subscription Watch { entity(id: "jeff-sessions") { id } }',
    });
    expectRefusal(
      subscription,
      400,
      'GRAPHQL_VALIDATION_FAILED',
      'Subscriptions are served over WebSocket on this same path (/graphql, graphql-ws protocol), not over HTTP.',
    );
    expect(subscription.body.errors[0].locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('leaves the graph exactly as it was, and leaked nothing in any answer', async () => {
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.filter((a) => a.answer.status >= 500).map((a) => a.name)).toEqual([]);
    const leaked = answers.flatMap(({ name, answer, sent }) =>
      leaksOf(answer.text, sent).map((leak) => `${name}: ${leak}`),
    );
    expect(leaked).toEqual([]);
    expect(before.nodes).toBeGreaterThan(0);
    expect(before.relationships).toBeGreaterThan(0);
    expect(await fingerprint(db)).toEqual(before);
  });
});
