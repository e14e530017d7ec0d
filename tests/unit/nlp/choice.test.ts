import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeExtractorFlag } from '../../../src/cli/extractor-choice';
import { loadConfig } from '../../../src/core/config';
import { silentProgress } from '../../../src/core/progress';
import { AnnotationCache, cacheKey } from '../../../src/nlp/cache';
import { chooseEngine } from '../../../src/nlp/choose';
import { CoreNlpClient } from '../../../src/nlp/client';
import { CoreNlpError } from '../../../src/nlp/errors';
import { ANNOTATE_PROPERTIES } from '../../../src/nlp/properties';

describe('--extractor', () => {
  it('is taken out of the arguments in both spellings, and unknown modes are refused', () => {
    expect(takeExtractorFlag(['--extractor=corenlp', 'a.txt'])).toEqual({ mode: 'corenlp', rest: ['a.txt'] });
    expect(takeExtractorFlag(['--dry-run', '--extractor', 'rules'])).toEqual({ mode: 'rules', rest: ['--dry-run'] });
    expect(takeExtractorFlag(['a.txt'])).toEqual({ mode: undefined, rest: ['a.txt'] });
    expect(() => takeExtractorFlag(['--extractor=spacy'])).toThrow('--extractor must be one of rules, corenlp, auto');
  });
});

describe('chooseEngine', () => {
  it('uses the rules when asked, and an external server when CORENLP_URL is set, starting nothing', async () => {
    const external = loadConfig({ CORENLP_URL: 'http://127.0.0.1:9' }).corenlp;
    expect(await chooseEngine('rules', external, silentProgress)).toMatchObject({ engine: 'rules' });
    for (const mode of ['auto', 'corenlp'] as const) {
      const choice = await chooseEngine(mode, external, silentProgress);
      expect(choice.engine).toBe('corenlp');
      expect(choice.reason).toContain('CORENLP_URL');
    }
  });
});

describe('the CoreNLP client', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corenlp-client-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers from the cache without asking for a server', async () => {
    const cache = new AnnotationCache(dir);
    await cache.put(cacheKey('Cached text.', ANNOTATE_PROPERTIES, '4.5.10'), { sentences: ['from cache'] });
    let asked = 0;
    const client = new CoreNlpClient(
      () => {
        asked += 1;
        return Promise.reject(new Error('no server here'));
      },
      { timeoutMs: 1000, version: '4.5.10', cache },
    );
    expect(await client.annotate('Cached text.')).toEqual({ sentences: ['from cache'] });
    expect(asked).toBe(0);
    await expect(client.annotate('Another text.')).rejects.toThrow('no server here');
    expect(asked).toBe(1);
  });

  it('says what failed and where when no server listens', async () => {
    const client = new CoreNlpClient(() => Promise.resolve({ url: 'http://127.0.0.1:9', credentials: null }), {
      timeoutMs: 5000,
      version: '4.5.10',
      cache: null,
    });
    const error = await client.annotate('Anyone there?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreNlpError);
    expect(error).toMatchObject({ kind: 'unreachable', where: 'http://127.0.0.1:9' });
    expect((error as Error).message).toContain('CoreNLP at http://127.0.0.1:9 is unreachable');
  });
});
