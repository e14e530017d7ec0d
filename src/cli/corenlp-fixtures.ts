/**
 * Fills the on-disk cache of CoreNLP parses for development: one JSON per article text, named by
 * the sha256 of the text sent (doc.text), so a parse is only ever paired with the text it was made from.
 *
 *   node dist/src/cli/corenlp-fixtures.js [--url http://127.0.0.1:9000] [--cache .data/corenlp/dev-cache] FILE_OR_DIR...
 *   node dist/src/cli/corenlp-fixtures.js --fixtures tests/fixtures/corenlp
 *
 * With --fixtures, every DIR/<name>.txt (the whole file is the text) gets DIR/<name>.json: the text and its
 * parse reduced to what the structure extractor reads, so that test fixtures stay a few KB.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleFile } from '../../ingest/article/read';
import { readCoreNlpJson } from '../../ingest/extract/structure/corenlp-json';
import { ANNOTATE_PROPERTIES } from '../nlp/properties';

/** The annotators and options the structure extractor reads: the same as the service's client. */
export const CORENLP_PROPERTIES = ANNOTATE_PROPERTIES;

/** The cache file name of a text. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:9000' },
      cache: { type: 'string', default: '.data/corenlp/dev-cache' },
      fixtures: { type: 'string' },
    },
  });
  if (values.fixtures) {
    await writeFixtures(values.url, values.fixtures);
    return;
  }
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

/** CoreNLP's JSON for a text, as the server returns it. */
async function annotate(url: string, text: string): Promise<string> {
  const response = await fetch(`${url}/?properties=${encodeURIComponent(JSON.stringify(CORENLP_PROPERTIES))}`, {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${await response.text()}`);
  return response.text();
}

async function writeFixtures(url: string, dir: string): Promise<void> {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const parse = readCoreNlpJson(JSON.parse(await annotate(url, text)), text);
    writeFileSync(join(dir, file.replace(/\.txt$/, '.json')), `${JSON.stringify({ text, parse })}\n`);
    console.log(`${file}: ${parse.sentences.length} sentences`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
