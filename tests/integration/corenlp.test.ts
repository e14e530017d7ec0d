import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../ingest/article/read';
import { loadConfig } from '../../src/core/config';
import { CORPUS_DIR, PROJECT_ROOT } from '../../src/core/paths';
import { alive } from '../../src/core/processes';
import { lineProgress } from '../../src/core/progress';
import { cacheKey } from '../../src/nlp/cache';
import { basicAuth } from '../../src/nlp/client';
import { ANNOTATE_PROPERTIES, propertiesQuery } from '../../src/nlp/properties';
import { type CoreNlpRuntime, openCoreNlp } from '../../src/nlp/runtime';

/**
 * The real Stanford CoreNLP through the project's launcher: started on a free port for the first annotation,
 * private (credentials and blockList), and stopped after. The start preloads every model: 40 s on an idle
 * machine, a few minutes on a busy one.
 */
jest.setTimeout(300_000);

interface Parse {
  sentences: {
    entitymentions?: { ner: string; text: string }[];
    basicDependencies?: { dep: string; governorGloss: string; dependentGloss: string }[];
  }[];
  corefs?: Record<string, { text: string }[]>;
}

/** A non-loopback IPv4 address of this machine, to knock on the server from outside 127.0.0.0/8. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

async function post(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/?${propertiesQuery({ annotators: 'tokenize', outputFormat: 'json' })}`, {
    method: 'POST',
    headers,
    body: 'A short probe.',
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: await response.text() };
}

let cacheDir: string;
let runtime: CoreNlpRuntime;
let text: string;
let parse: Parse;

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'corenlp-cache-'));
  const config = loadConfig(
    { CORENLP_CACHE_DIR: cacheDir, CORENLP_LOCAL_HEAP: process.env.CORENLP_LOCAL_HEAP ?? '4g' },
    PROJECT_ROOT,
  );
  runtime = openCoreNlp(config.corenlp, lineProgress());
  text = (await readArticleFile(join(CORPUS_DIR, '003_94e04342a6ea52d8.txt'))).text;
  parse = (await runtime.client.annotate(text)) as Parse;
});

afterAll(async () => {
  await runtime?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('a local Stanford CoreNLP server started by the launcher', () => {
  it('was started for the first annotation, on 127.0.0.1', () => {
    const local = runtime.local();
    expect(local).not.toBeNull();
    expect(local!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(alive(local!.pid)).toBe(true);
  });

  it('finds people, parses dependencies and resolves coreference in seed article 003', () => {
    const mentions = parse.sentences.flatMap((s) => s.entitymentions ?? []);
    expect(mentions.filter((m) => m.ner === 'PERSON').length).toBeGreaterThan(0);
    const dependencies = parse.sentences.flatMap((s) => s.basicDependencies ?? []);
    expect(dependencies.some((d) => d.dep === 'nsubj')).toBe(true);
    const chains = Object.values(parse.corefs ?? {});
    expect(chains.some((chain) => chain.length > 1)).toBe(true);
  });

  it('keeps the parse in the cache, keyed by text, properties and version', () => {
    expect(existsSync(join(cacheDir, `${cacheKey(text, ANNOTATE_PROPERTIES, '4.5.10')}.json`))).toBe(true);
  });

  it('refuses a request without the credentials, and one with them from outside loopback', async () => {
    const local = runtime.local()!;
    expect((await post(local.url)).status).toBe(401);
    expect((await post(local.url, { authorization: basicAuth({ user: 'x', password: 'y' }) })).status).toBe(401);
    expect((await post(local.url, { authorization: basicAuth(local.credentials) })).status).toBe(200);
    const outside = outsideAddress();
    if (outside) {
      const port = new URL(local.url).port;
      const refused = await post(`http://${outside}:${port}`, { authorization: basicAuth(local.credentials) });
      expect(refused).toEqual({ status: 401, body: expect.stringContaining('Unauthorized') });
    }
  });

  it('is stopped by close(), leaving no process behind', async () => {
    const local = runtime.local()!;
    await runtime.close();
    expect(alive(local.pid)).toBe(false);
    expect(existsSync(`/proc/${local.pid}`)).toBe(false);
    await expect(post(local.url)).rejects.toThrow();
  });
});
