/**
 * Measures extraction speed on the corpus, for both extractors, with the gazetteer of all curated annotations:
 *
 * - rules: the median of several timed passes after a warm-up pass;
 * - corenlp: a private CoreNLP server started by the launcher (or CORENLP_URL), one pass with an empty cache
 *   (cold: every article annotated by the server; the server's start, models loaded, stated apart), then the
 *   median of timed passes with the cache that pass filled (warm: no request reaches the server).
 *
 * Peak memory: VmHWM of /proc/<pid>/status, for this Node process and for the CoreNLP JVM. Prints the tables
 * and writes the "Speed" section at the end of docs/extraction-quality.md.
 *
 *   npm run bench:extract [-- --extractor=rules|corenlp|auto --runs 5 --corpus ingest/corpus --annotations ingest/annotations --doc docs/extraction-quality.md]
 *
 * The default, auto, measures the rules and, when CoreNLP can run here, CoreNLP too.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticleFile, type ArticleDocument } from '../ingest/article/read';
import { gazetteerFromAnnotations, type Gazetteer } from '../ingest/extract';
import { coreNlpExtractor, type Extractor, rulesExtractor, withModel } from '../ingest/extract/extractor';
import { loadModel } from '../ingest/extract/model/model';
import { writeQualityDoc } from '../ingest/extract/quality-doc';
import { readAnnotation } from '../ingest/annotation/read';
import { interpretParse, takeExtractorFlag } from '../src/cli/extractor-choice';
import { loadConfig } from '../src/core/config';
import { lineProgress } from '../src/core/progress';
import { AnnotationCache } from '../src/nlp/cache';
import { chooseEngine } from '../src/nlp/choose';
import { CoreNlpClient, type CoreNlpEndpoint } from '../src/nlp/client';
import { type LocalCoreNlp, startLocalCoreNlp } from '../src/nlp/local-server';
import { median } from './measure';

/** Peak resident set (VmHWM) of a process in MB, or null when /proc has no such process. */
function peakRssMb(pid: number | 'self'): number | null {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(file, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

async function pass(extractor: Extractor, docs: ArticleDocument[], gazetteer: Gazetteer): Promise<number> {
  const start = process.hrtime.bigint();
  for (const doc of docs) await extractor.extract(doc, gazetteer);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const mb = (v: number | null): string => (v === null ? 'n/a' : `${v.toLocaleString('en-US')} MB`);
const rate = (n: number, seconds: number): string => (n / seconds).toFixed(seconds > n ? 3 : 1);

function table(rows: string[][]): string {
  return ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

async function main(): Promise<void> {
  const flag = takeExtractorFlag(process.argv.slice(2));
  const { values } = parseArgs({
    args: flag.rest,
    options: {
      runs: { type: 'string', default: '5' },
      corpus: { type: 'string', default: 'ingest/corpus' },
      annotations: { type: 'string', default: 'ingest/annotations' },
      doc: { type: 'string', default: 'docs/extraction-quality.md' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const config = loadConfig();
  const progress = lineProgress();
  const annotationsDir = resolve(values.annotations);
  const annotations = readdirSync(annotationsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readAnnotation(readFileSync(join(annotationsDir, f), 'utf8'), f).annotation);
  const gazetteer = gazetteerFromAnnotations(annotations);
  const corpus = resolve(values.corpus);
  const docs: ArticleDocument[] = [];
  for (const f of readdirSync(corpus).sort()) docs.push(await readArticleFile(join(corpus, f)));
  const words = docs.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);
  const sections: string[] = [];

  const mode = flag.mode ?? 'auto';
  // One pass to warm up (compromise builds its lexicon, the JIT compiles), then the timed passes.
  const timed = async (title: string, extractor: Extractor): Promise<string> => {
    await pass(extractor, docs, gazetteer);
    const seconds = median(await sequence(runs, () => pass(extractor, docs, gazetteer)));
    return `### ${title}\n\n${table([
      ['articles / words', `${docs.length} / ${words}`],
      ['timed passes (after 1 warm-up)', String(runs)],
      ['median seconds per pass', seconds.toFixed(3)],
      ['articles/s', rate(docs.length, seconds)],
      ['words/s', Math.round(words / seconds).toLocaleString('en-US')],
      ['peak RSS of the Node process (VmHWM)', mb(peakRssMb('self'))],
    ])}`;
  };
  if (mode !== 'corenlp') sections.push(await timed('rules', rulesExtractor));
  // The trained model after the rules (the default pipeline): its own cost is the difference of the two rows.
  if (mode !== 'corenlp' && config.extractionModel) {
    const modelled = withModel(rulesExtractor, loadModel(config.extractionModel.file));
    sections.push(await timed('rules + trained model (INGEST_MODEL=on)', modelled));
  }

  if (mode !== 'rules') {
    const choice = await chooseEngine(mode, config.corenlp, progress);
    progress.info(`CoreNLP: ${choice.engine === 'corenlp' ? 'measured' : 'not measured'} (${choice.reason})`);
    if (choice.engine === 'corenlp') sections.push(await benchCoreNlp(config, docs, words, gazetteer, runs));
    else sections.push(`### corenlp\n\nNot measured: ${choice.reason}.`);
  }

  const text = sections.join('\n\n');
  console.log(text);
  const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;
  const speed =
    `Measured with \`npm run bench:extract\` (${machine}; one process on a shared machine, so runs vary by tens of ` +
    `percent, and much more when other work loads the machine). The corenlp extractor's figures include its ` +
    `interpretation of the parse.\n\n${text}\n`;
  await writeQualityDoc(resolve(values.doc), { speed });
  console.log(`\nwrote the Speed section of ${values.doc}`);
}

async function sequence(n: number, run: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push(await run());
  return out;
}

async function benchCoreNlp(
  config: ReturnType<typeof loadConfig>,
  docs: ArticleDocument[],
  words: number,
  gazetteer: Gazetteer,
  runs: number,
): Promise<string> {
  const progress = lineProgress();
  const cacheDir = await mkdtemp(join(tmpdir(), 'bench-corenlp-cache-'));
  let local: LocalCoreNlp | null = null;
  try {
    const startedAt = Date.now();
    if (!config.corenlp.url) local = await startLocalCoreNlp(config.corenlp, progress);
    const startSeconds = (Date.now() - startedAt) / 1000;
    const endpoint: CoreNlpEndpoint = local ?? { url: config.corenlp.url!, credentials: config.corenlp.credentials };
    const client = new CoreNlpClient(() => Promise.resolve(endpoint), {
      timeoutMs: config.corenlp.timeoutMs,
      version: config.corenlp.version,
      cache: new AnnotationCache(cacheDir),
    });
    const extractor = coreNlpExtractor(client, interpretParse);
    progress.info(`CoreNLP cold pass: ${docs.length} articles, empty cache…`);
    const cold = await pass(extractor, docs, gazetteer);
    const jvmPeak = local ? peakRssMb(local.pid) : null;
    const warm = median(await sequence(runs, () => pass(extractor, docs, gazetteer)));
    return `### corenlp\n\n${table([
      ['articles / words', `${docs.length} / ${words}`],
      [
        'server',
        local
          ? `local, started by the launcher, heap ${config.corenlp.heap}: ${startSeconds.toFixed(1)} s to start with models loaded`
          : `CORENLP_URL ${config.corenlp.url}`,
      ],
      ['cold cache: seconds for one pass (server start excluded)', cold.toFixed(2)],
      ['cold cache: articles/s', rate(docs.length, cold)],
      ['cold cache: words/s', Math.round(words / cold).toLocaleString('en-US')],
      [`warm cache: median seconds per pass (${runs} passes)`, warm.toFixed(3)],
      ['warm cache: articles/s', rate(docs.length, warm)],
      ['peak RSS of the CoreNLP JVM (VmHWM)', local ? mb(jvmPeak) : 'n/a (external server)'],
      ['peak RSS of the Node process (VmHWM, whole run)', mb(peakRssMb('self'))],
    ])}`;
  } finally {
    await local?.stop();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
