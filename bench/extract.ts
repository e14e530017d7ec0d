/**
 * Measures extraction speed on the corpus: articles per second and words per second, the median
 * of several timed runs after a warm-up run, with the gazetteer of all curated annotations.
 * Prints a table and writes a "Speed" section at the end of docs/extraction-quality.md.
 *
 *   npm run bench:extract [-- --runs 5 --corpus ingest/corpus --annotations ingest/annotations --doc docs/extraction-quality.md]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleFile, type ArticleDocument } from '../ingest/article/read';
import { extractAnnotation, gazetteerFromAnnotations } from '../ingest/extract';
import { writeQualityDoc } from '../ingest/extract/quality-doc';
import { readAnnotation } from '../ingest/annotation/read';
import { median } from './measure';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      corpus: { type: 'string', default: 'ingest/corpus' },
      annotations: { type: 'string', default: 'ingest/annotations' },
      doc: { type: 'string', default: 'docs/extraction-quality.md' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const corpus = resolve(values.corpus);
  const annotationsDir = resolve(values.annotations);
  const annotations = readdirSync(annotationsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readAnnotation(readFileSync(join(annotationsDir, f), 'utf8'), f).annotation);
  const gazetteer = gazetteerFromAnnotations(annotations);
  const docs: ArticleDocument[] = [];
  for (const f of readdirSync(corpus).sort()) docs.push(await readArticleFile(join(corpus, f)));
  const words = docs.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);

  const runOnce = (): number => {
    const start = process.hrtime.bigint();
    for (const doc of docs) extractAnnotation(doc, gazetteer);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  runOnce(); // warm-up: compromise builds its lexicon and the JIT compiles on the first pass
  const seconds = median(Array.from({ length: runs }, runOnce));

  const rows = [
    ['articles', String(docs.length)],
    ['words', String(words)],
    ['timed runs (after 1 warm-up)', String(runs)],
    ['median seconds per pass', seconds.toFixed(3)],
    ['articles/s', (docs.length / seconds).toFixed(1)],
    ['words/s', Math.round(words / seconds).toLocaleString('en-US')],
  ];
  const table = ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  console.log(table);

  const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;
  const speed = `Measured with \`npm run bench:extract\` (${machine}; one process on a shared machine, so runs vary by tens of percent):\n\n${table}\n`;
  await writeQualityDoc(resolve(values.doc), { speed });
  console.log(`\nwrote the Speed section of ${values.doc}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
