import { ingestPaths } from '../../../ingest/pipeline';
import { type RunningApp, startApp } from '../../../src/server/app';
import type { Config } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import type { Database } from '../../../src/core/database';
import { silentProgress } from '../../../src/core/progress';
import { clearGraph, testConfig, testDatabase } from '../../support/database';
import type { ArticleWriter } from '../../../src/graphql/article-writer';

/** Response data as tests read it: any shape, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyData = Record<string, any>;

/** A GraphQL response as a client sees it. */
export interface GraphQLResponse<T = AnyData> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; [key: string]: unknown } }[];
  extensions?: { roundTrips?: number };
}

/** The API started over HTTP on a random port, and a client for it. */
export interface Api {
  app: RunningApp;
  query<T = AnyData>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** Starts the real HTTP service (PORT 0) on the given database, with the write path when one is given. */
export async function startApi(db: Database, config: Config = testConfig(), articles?: ArticleWriter): Promise<Api> {
  const app = await startApp({ config, db, logger: createLogger({ env: 'test', level: 'silent' }), articles });
  return {
    app,
    async query(query, variables = {}) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    stop: () => app.stop(),
  };
}

/**
 * The API of a describe block: registers hooks that open the test database, fill it with `load`, start the
 * service on it before the block's tests, and stop both after them.
 */
export function apiFor(
  load: (db: Database) => Promise<void>,
  config: () => Config = testConfig,
  articles?: (db: Database) => ArticleWriter,
): Api {
  let db: Database | undefined;
  let api: Api | undefined;
  beforeAll(async () => {
    db = testDatabase();
    await load(db);
    api = await startApi(db, config(), articles?.(db));
  });
  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });
  const started = (): Api => {
    if (!api) throw new Error('The API starts in beforeAll: use it inside a test of the describe block');
    return api;
  };
  return {
    get app() {
      return started().app;
    },
    query: (query, variables) => started().query(query, variables),
    stop: () => started().stop(),
  };
}

/** Empties the graph and loads the five curated seed articles with the project's ingest. */
export async function seedCorpus(db: Database): Promise<void> {
  await clearGraph(db);
  const summary = await ingestPaths(db, [], { progress: silentProgress });
  const failed = summary.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0)
    throw new Error(`Seed ingest failed: ${failed.map((o) => `${o.file}: ${o.error}`).join('; ')}`);
}

/** The data of a response that must have no errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(response.errors)}`);
  if (!response.data) throw new Error('No data');
  return response.data;
}

/** What /graphql answered: the status, the headers and the body (JSON, or `{ text }` when it is not). */
export interface Reply {
  status: number;
  headers: Headers;
  body: AnyData;
}

/** Posts a body (or GETs its fields as parameters) to /graphql, as a client would. */
export async function send(
  url: string,
  body: AnyData,
  headers: Record<string, string> = {},
  method: 'POST' | 'GET' = 'POST',
): Promise<Reply> {
  const target = new URL(`${url}/graphql`);
  if (method === 'GET')
    for (const [name, value] of Object.entries(body))
      target.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  const response = await fetch(target, {
    method,
    headers: method === 'POST' ? { 'content-type': 'application/json', ...headers } : headers,
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let parsed: AnyData;
  try {
    parsed = JSON.parse(text) as AnyData;
  } catch {
    parsed = { text };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The header that sends an API key. */
export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
