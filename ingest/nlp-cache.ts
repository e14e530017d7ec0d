/**
 * Fills the on-disk cache of CoreNLP parses for development: one JSON per article text, named by
 * the sha256 of the text sent (doc.text), so a parse is only ever paired with the text it was made from.
 *
 *   node dist/ingest/nlp-cache.js [--url http://127.0.0.1:9000] [--cache /work/nlp-cache] FILE_OR_DIR...
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleFile } from './article/read';

/** The annotators and options the structure extractor reads. */
export const CORENLP_PROPERTIES = {
  annotators: 'tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp',
  outputFormat: 'json',
  'coref.algorithm': 'statistical',
  'ner.applyFineGrained': 'true',
};

/** The cache file name of a text. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:9000' },
      cache: { type: 'string', default: '/work/nlp-cache' },
    },
  });
  mkdirSync(values.cache, { recursive: true });
  const files = positionals.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => /\.(txt|md|html?)$/i.test(f) && !f.endsWith('.neutral.txt'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
  for (const file of files) {
    const doc = await readArticleFile(file);
    const out = join(values.cache, `${textHash(doc.text)}.json`);
    if (existsSync(out)) continue;
    const started = Date.now();
    const url = `${values.url}/?properties=${encodeURIComponent(JSON.stringify(CORENLP_PROPERTIES))}`;
    const response = await fetch(url, {
      method: 'POST',
      body: doc.text,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    if (!response.ok) {
      console.error(`${file}: HTTP ${response.status} ${await response.text()}`);
      continue;
    }
    writeFileSync(out, await response.text());
    console.log(`${file} -> ${out} (${Date.now() - started} ms)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
