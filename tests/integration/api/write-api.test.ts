import { apiKeyLine } from '../../../src/core/api-keys';
import type { Database } from '../../../src/core/database';
import { pipelineArticleWriter } from '../../../src/cli/pipeline-article-writer';
import { MAX_BODY_BYTES } from '../../../src/server/app';
import { testConfig } from '../../support/database';
import { apiFor, bearer, seedCorpus, send } from './support';
import {
  ARTICLE_ANNOTATION,
  ARTICLE_FILE,
  ARTICLE_ID,
  ARTICLE_MARKDOWN,
  MISQUOTED_ANNOTATION,
  RAW_FILE,
  RAW_TEXT,
  STANCE_QUOTE,
} from './write-articles';

/*
 * The write API over HTTP on the seed graph, with the write path main.ts builds (the ingest pipeline): who may
 * write, what a write puts in the graph and takes out, and the limits that keep applying.
 */

const WRITER_KEY = 'sgk_test-writer-key-0123456789abcdefghijklmnopqrstuv';
const READER_KEY = 'sgk_test-reader-key-0123456789abcdefghijklmnopqrstuv';
const KEYS = [apiKeyLine('ingest-bot', 'writer', WRITER_KEY), apiKeyLine('analyst', 'reader', READER_KEY)].join(',');

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { id file status origin entities facts nodesCreated relationshipsCreated }
}`;
const RETRACT = `mutation Retract($id: ID!) { retractArticle(id: $id) { id retracted nodesDeleted relationshipsDeleted } }`;
const CURATED_INPUT = { fileName: ARTICLE_FILE, content: ARTICLE_MARKDOWN, annotation: ARTICLE_ANNOTATION };

/** How many articles with this id the graph holds (0 or 1). */
async function articlesWithId(db: Database, id: string): Promise<number> {
  const [row] = await db.read<{ n: number }>('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id });
  return row?.n ?? -1;
}

/** Nodes and relationships in the graph, to see that a refused write left it as it was. */
async function graphSize(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  return row!;
}

describe('the write API (writer keys, on the seed graph)', () => {
  let db: Database;
  const api = apiFor(
    async (opened) => {
      db = opened;
      await seedCorpus(opened);
    },
    () => testConfig({ API_KEYS: KEYS, WRITE_RATE_BURST: '100' }),
    (opened) => pipelineArticleWriter(opened),
  );
  const url = (): string => api.app.url;

  it('refuses a mutation without a key with 401 UNAUTHENTICATED and a Bearer challenge, writing nothing', async () => {
    const before = await graphSize(db);
    const reply = await send(url(), { query: INGEST, variables: { input: CURATED_INPUT } });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="sanctuary-graph"');
    expect(reply.body.errors).toEqual([
      {
        message: 'A mutation needs a writer API key: send it as "Authorization: Bearer <key>".',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect(reply.body.data).toBeUndefined();
    const unknown = await send(url(), { query: INGEST, variables: { input: CURATED_INPUT } }, bearer('sgk_not-a-key'));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer realm="sanctuary-graph", error="invalid_token"');
    expect(unknown.body.errors[0]).toMatchObject({
      message: 'The API key is not valid.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await graphSize(db)).toEqual(before);
  });

  it('refuses a mutation with a reader key with 403 FORBIDDEN; the reader key still reads', async () => {
    const reply = await send(url(), { query: INGEST, variables: { input: CURATED_INPUT } }, bearer(READER_KEY));
    expect(reply.status).toBe(403);
    expect(reply.body.errors[0]).toMatchObject({
      message: 'The key "analyst" is a reader key: mutations need a writer key.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await articlesWithId(db, ARTICLE_ID)).toBe(0);
    const read = await send(url(), { query: '{ entity(id: "jeff-sessions") { name } }' }, { 'x-api-key': READER_KEY });
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ entity: { name: 'Jeff Sessions' } });
  });

  it('lands a curated article with a writer key; a query then finds its entities, facts and evidence', async () => {
    const reply = await send(url(), { query: INGEST, variables: { input: CURATED_INPUT } }, bearer(WRITER_KEY));
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    const result = reply.body.data.ingestArticle;
    expect(result).toMatchObject({ id: ARTICLE_ID, file: ARTICLE_FILE, status: 'CREATED', origin: 'CURATED' });
    // Three entities and the event; the role, the event's two links and the stance.
    expect(result).toMatchObject({ entities: 4, facts: 4 });
    expect(result.nodesCreated).toBeGreaterThan(0);
    expect(result.relationshipsCreated).toBeGreaterThan(0);

    const found = await send(url(), {
      query: `{
        entity(id: "dana-whitfield") { name ... on Person { roles { title organization { name } } } }
        stances(kind: SUPPORTED, actor: "dana-whitfield") {
          target { id name } evidence { quote article { id title published source origin } }
        }
      }`,
    });
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.entity).toEqual({
      name: 'Dana Whitfield',
      roles: [{ title: 'Mayor', organization: { name: 'Testville' } }],
    });
    expect(found.body.data.stances).toEqual([
      {
        target: { id: 'testville-refuses-detainers-2019-03-05', name: 'Testville refuses ICE detainer requests' },
        evidence: [
          {
            quote: STANCE_QUOTE,
            article: {
              id: ARTICLE_ID,
              title: 'Testville mayor refuses ICE detainer requests',
              published: '2019-03-05',
              source: 'Testville Ledger',
              origin: 'CURATED',
            },
          },
        ],
      },
    ]);
  });

  it('answers UNCHANGED for the same article sent again, and UPDATED when its metadata changes', async () => {
    const again = await send(url(), { query: INGEST, variables: { input: CURATED_INPUT } }, bearer(WRITER_KEY));
    expect(again.body.data.ingestArticle).toMatchObject({ status: 'UNCHANGED', nodesCreated: 0 });
    const retitled = { ...CURATED_INPUT, title: 'Testville will not hold people for ICE' };
    const updated = await send(url(), { query: INGEST, variables: { input: retitled } }, bearer(WRITER_KEY));
    expect(updated.body.data.ingestArticle).toMatchObject({ status: 'UPDATED', id: ARTICLE_ID });
    const article = await send(url(), { query: `{ article(id: "${ARTICLE_ID}") { title } }` });
    expect(article.body.data.article).toEqual({ title: 'Testville will not hold people for ICE' });
  });

  it('refuses an annotation that misquotes the article with BAD_USER_INPUT naming file, path and line, writing nothing', async () => {
    const before = await graphSize(db);
    const input = {
      fileName: 'misquoted.md',
      content: ARTICLE_MARKDOWN,
      annotation: MISQUOTED_ANNOTATION.replace(ARTICLE_FILE, 'misquoted.md'),
    };
    const reply = await send(url(), { query: INGEST, variables: { input } }, bearer(WRITER_KEY));
    const line = MISQUOTED_ANNOTATION.split('\n').findIndex((l) => l.includes('defy Washington')) + 1;
    expect(reply.status).toBe(200);
    expect(reply.body.data).toBeNull();
    const [error] = reply.body.errors;
    expect(error.message).toBe(
      `misquoted.yaml: stances[0].quote, line ${line}: quote not found in the article: "Testville will defy Washington forever"`,
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      file: 'misquoted.yaml',
      line,
      problems: [{ where: `stances[0].quote, line ${line}`, line }],
    });
    expect(error.path).toEqual(['ingestArticle']);
    expect(await graphSize(db)).toEqual(before);
  });

  it('names the line and column of broken YAML, and the field of bad metadata', async () => {
    const broken = { ...CURATED_INPUT, annotation: `${ARTICLE_ANNOTATION}\n  - : [unclosed\n` };
    const yaml = await send(url(), { query: INGEST, variables: { input: broken } }, bearer(WRITER_KEY));
    expect(yaml.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', file: 'testville-detainers.yaml' });
    expect(yaml.body.errors[0].message).toMatch(/^testville-detainers\.yaml \(line \d+, column \d+\): invalid YAML: /);
    const badDate = { ...CURATED_INPUT, published: 'March 5th' };
    const date = await send(url(), { query: INGEST, variables: { input: badDate } }, bearer(WRITER_KEY));
    expect(date.body.errors[0]).toMatchObject({
      message: `${ARTICLE_FILE} (published): must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, and a real day`,
      extensions: { code: 'BAD_USER_INPUT', file: ARTICLE_FILE, where: 'published' },
    });
    const badName = { ...CURATED_INPUT, fileName: '../etc/passwd.md' };
    const name = await send(url(), { query: INGEST, variables: { input: badName } }, bearer(WRITER_KEY));
    expect(name.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', where: 'fileName' });
  });

  it('reads an article sent without an annotation with the rule extractor (origin EXTRACTED)', async () => {
    const input = { fileName: RAW_FILE, content: RAW_TEXT };
    const reply = await send(url(), { query: INGEST, variables: { input } }, bearer(WRITER_KEY));
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.ingestArticle).toMatchObject({
      id: 'riverton-council',
      status: 'CREATED',
      origin: 'EXTRACTED',
    });
    expect(reply.body.data.ingestArticle.entities).toBeGreaterThan(0);
    const article = await send(url(), { query: '{ article(id: "riverton-council") { title source origin } }' });
    expect(article.body.data.article).toEqual({
      title: 'Riverton council backs sanctuary ordinance',
      source: 'Riverton Courier',
      origin: 'EXTRACTED',
    });
  });

  it('retracts an article: its entities and evidence go, and retracting again says it was not there', async () => {
    const reply = await send(url(), { query: RETRACT, variables: { id: ARTICLE_ID } }, bearer(WRITER_KEY));
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.retractArticle).toMatchObject({ id: ARTICLE_ID, retracted: true });
    expect(reply.body.data.retractArticle.nodesDeleted).toBeGreaterThan(0);
    const gone = await send(url(), {
      query: `{ entity(id: "dana-whitfield") { name } article(id: "${ARTICLE_ID}") { id } }`,
    });
    expect(gone.body.data).toEqual({ entity: null, article: null });
    expect(await articlesWithId(db, ARTICLE_ID)).toBe(0);
    const again = await send(url(), { query: RETRACT, variables: { id: ARTICLE_ID } }, bearer(WRITER_KEY));
    expect(again.body.data.retractArticle).toEqual({
      id: ARTICLE_ID,
      retracted: false,
      nodesDeleted: 0,
      relationshipsDeleted: 0,
    });
  });

  it('refuses a mutation over GET (405), and a CSRF-able post, even with a writer key', async () => {
    const get = await send(
      url(),
      { query: RETRACT, variables: { id: 'riverton-council' } },
      {
        ...bearer(WRITER_KEY),
        'apollo-require-preflight': 'true',
      },
      'GET',
    );
    expect(get.status).toBe(405);
    expect(get.body.errors[0]).toMatchObject({
      message: 'GET requests only support query operations, not mutation operations',
      extensions: { code: 'BAD_REQUEST' },
    });
    const form = await send(
      url(),
      { query: RETRACT, variables: { id: 'riverton-council' } },
      {
        ...bearer(WRITER_KEY),
        'content-type': 'text/plain',
      },
    );
    expect(form.status).toBe(400);
    expect(form.body.errors[0].message).toMatch(
      /^This operation has been blocked as a potential Cross-Site Request Forgery/,
    );
    expect(await articlesWithId(db, 'riverton-council')).toBe(1);
  });

  it("takes a body above 1 MiB from a writer key only; a larger article is the reader's BAD_USER_INPUT, not a 413", async () => {
    const content = `title: A long article\n\n${'Sanctuary cities were discussed again. '.repeat(40_000)}`;
    const input = { fileName: 'long.txt', content };
    expect(Buffer.byteLength(JSON.stringify({ query: INGEST, variables: { input } }))).toBeGreaterThan(MAX_BODY_BYTES);
    const anonymous = await send(url(), { query: INGEST, variables: { input } });
    expect(anonymous.status).toBe(413);
    const reader = await send(url(), { query: INGEST, variables: { input } }, bearer(READER_KEY));
    expect(reader.status).toBe(413);
    const writer = await send(url(), { query: INGEST, variables: { input } }, bearer(WRITER_KEY));
    expect(writer.status).toBe(200);
    expect(writer.body.errors[0]).toMatchObject({
      message: 'long.txt: article text has 200000 words, over the 50000-word limit for one article',
      extensions: { code: 'BAD_USER_INPUT', file: 'long.txt' },
    });
  });

  it('keeps the query limits on mutations: depth and aliases', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `r${i}: retractArticle(id: "x${i}") { id }`).join(' ');
    const reply = await send(url(), { query: `mutation { ${aliases} }` }, bearer(WRITER_KEY));
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.code).toBe('QUERY_TOO_MANY_ALIASES');
  });
});

describe('the write API rate limit and READ_ACCESS=key', () => {
  const api = apiFor(
    seedCorpus,
    () => testConfig({ API_KEYS: KEYS, WRITE_RATE_BURST: '2', WRITE_RATE_PER_MINUTE: '1', READ_ACCESS: 'key' }),
    (opened) => pipelineArticleWriter(opened),
  );
  const url = (): string => api.app.url;

  it('answers the mutation past the burst with 429 RATE_LIMITED and Retry-After', async () => {
    for (let i = 0; i < 2; i += 1) {
      const reply = await send(url(), { query: RETRACT, variables: { id: `absent-${i}` } }, bearer(WRITER_KEY));
      expect(reply.body.data.retractArticle.retracted).toBe(false);
    }
    const limited = await send(url(), { query: RETRACT, variables: { id: 'absent-2' } }, bearer(WRITER_KEY));
    expect(limited.status).toBe(429);
    // One token a minute: the next is at most 60 s away.
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.errors[0]).toMatchObject({
      message: `The key "ingest-bot" sent more mutations than its rate allows; retry in ${retryAfter} s.`,
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
    });
  });

  it('refuses a read without a key with 401, and answers it with a reader key', async () => {
    const query = { query: '{ entity(id: "jeff-sessions") { name } }' };
    const anonymous = await send(url(), query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0]).toMatchObject({
      message: 'Reads need an API key: send it as "Authorization: Bearer <key>".',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const reader = await send(url(), query, bearer(READER_KEY));
    expect(reader.body).toMatchObject({ data: { entity: { name: 'Jeff Sessions' } } });
  });
});
