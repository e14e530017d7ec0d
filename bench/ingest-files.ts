import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { loadArticles, type PreparedArticle } from '../ingest/pipeline';
import { PROJECT_ROOT } from '../src/core/paths';
import { openBenchDatabase } from './database';
import { generateArticles, parseSize } from './generate';
import { log } from './log';
import { loadAverage } from './machine';
import { median } from './measure';
import type { Conn } from './processes';
import { wipe } from './wipe';

/**
 * Ingest as users run it against the loader the other benchmarks time: `npm run bench:ingest-files -- [size]
 * [--repeats=N]` (4 by default). The synthetic articles of a size (bench/generate.ts) are written as `.txt` + `.yaml` files;
 * then, repeat by repeat and interleaved (the order alternating), into an emptied graph: the loader fed the same articles in memory
 * (as bench/load.ts does), and the CLI (`node dist/ingest/cli.js <folder>`, a process of its own, start-up
 * included) on the folder; and the CLI's `--dry-run` (read, parse, check, nothing written). Prints a table and
 * one JSON line.
 */

const ARTICLES_PER_CALL = 100;

/**
 * The generator's articles, made valid as files: a stance there may target an event of an earlier article
 * (the in-memory loader accepts that, a file must declare what it refers to), so such a stance targets one of
 * the article's own events instead, and an article with none loses it. Both sides load these same articles.
 */
export function* fileArticles(facts: number): Generator<PreparedArticle> {
  for (const article of generateArticles({ facts })) {
    const own = article.annotation.events.map((e) => e.id);
    const stances = article.annotation.stances.flatMap((s, i) =>
      own.includes(s.target) ? [s] : own.length > 0 ? [{ ...s, target: own[i % own.length]! }] : [],
    );
    yield { doc: article.doc, annotation: { ...article.annotation, stances } };
  }
}

/** Writes every article of the size as `<id>.txt` (title header, blank line, text) and `<id>.yaml`. */
export async function writeCorpus(dir: string, facts: number): Promise<{ articles: number; facts: number }> {
  let articles = 0;
  let rows = 0;
  for (const { doc, annotation } of fileArticles(facts)) {
    const base = doc.file.replace(/\.txt$/, '');
    await writeFile(join(dir, doc.file), `title: ${doc.meta.title ?? base}\n\n${doc.text}`);
    await writeFile(join(dir, `${base}.yaml`), stringify(annotation));
    articles += 1;
    rows += annotation.roles.length + annotation.relations.length + annotation.stances.length;
    for (const e of annotation.events) rows += 1 + e.by.length + e.targets.length + e.concerns.length;
  }
  return { articles, facts: rows };
}

/** The in-memory loader on the same articles, ARTICLES_PER_CALL to a call. */
async function loadInMemory(db: Parameters<typeof loadArticles>[0], facts: number): Promise<void> {
  let group: PreparedArticle[] = [];
  const flush = async (): Promise<void> => {
    const { outcomes } = await loadArticles(db, group);
    const failed = outcomes.find((o) => o.status === 'failed');
    if (failed) throw new Error(`${failed.file}: ${failed.error}`);
    group = [];
  };
  for (const article of fileArticles(facts)) {
    group.push(article);
    if (group.length === ARTICLES_PER_CALL) await flush();
  }
  if (group.length > 0) await flush();
}

/** Runs the ingest CLI on the folder; resolves with its wall time, rejects with its output when it fails. */
function runCli(args: string[], conn: Conn | null): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  delete env.NEO4J_URI;
  if (conn) Object.assign(env, { NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/ingest/cli.js'), ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`ingest CLI ${args.join(' ')} exited ${code}:\n${stderr}`)),
    );
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const size = argv.find((a) => !a.startsWith('--')) ?? '100k';
  const repeats = Number(argv.find((a) => a.startsWith('--repeats='))?.slice('--repeats='.length) ?? 4);
  const facts = parseSize(size);
  if (facts === null) throw new Error('bench:ingest-files needs a synthetic size (10k, 100k, 1M), not seed');
  const dir = await mkdtemp(join(tmpdir(), 'ingest-files-'));
  const bench = await openBenchDatabase();
  const loadAtStart = loadAverage();
  try {
    const corpus = await writeCorpus(dir, facts);
    log(`${corpus.articles} articles (${corpus.facts} facts) written to ${dir}`);
    const times = { loader: [] as number[], cli: [] as number[], dryRun: [] as number[] };
    // The order alternates: whichever runs first in a repeat meets a Neo4j that has not planned its statements.
    const timeLoader = async (): Promise<void> => {
      await wipe(bench.db);
      const t = performance.now();
      await loadInMemory(bench.db, facts);
      times.loader.push(performance.now() - t);
    };
    const timeCli = async (): Promise<void> => {
      await wipe(bench.db);
      times.cli.push(await runCli([dir], bench.conn));
    };
    for (let r = 1; r <= repeats; r += 1) {
      for (const step of r % 2 === 1 ? [timeLoader, timeCli] : [timeCli, timeLoader]) await step();
      times.dryRun.push(await runCli(['--dry-run', dir], null));
      log(
        `repeat ${r}/${repeats}: loader ${(times.loader.at(-1)! / 1000).toFixed(1)} s, ` +
          `CLI ${(times.cli.at(-1)! / 1000).toFixed(1)} s, dry run ${(times.dryRun.at(-1)! / 1000).toFixed(1)} s`,
      );
    }
    const m = { loader: median(times.loader), cli: median(times.cli), dryRun: median(times.dryRun) };
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const range = (xs: number[]) => `${s(Math.min(...xs))}–${s(Math.max(...xs))}`;
    process.stdout.write(
      [
        `| ${size} (${corpus.articles} articles, ${corpus.facts} facts) | median s | range s |`,
        '| --- | ---: | ---: |',
        `| loader, in memory | ${s(m.loader)} | ${range(times.loader)} |`,
        `| CLI on the folder | ${s(m.cli)} | ${range(times.cli)} |`,
        `| CLI --dry-run (read, parse, check) | ${s(m.dryRun)} | ${range(times.dryRun)} |`,
        '',
        `CLI / loader: ${(m.cli / m.loader).toFixed(2)}× (per repeat ${times.cli.map((c, i) => (c / times.loader[i]!).toFixed(2)).join(', ')}); dry run: ${Math.round(corpus.facts / (m.dryRun / 1000))} facts/s; ` +
          `load average ${loadAtStart} at the start, ${loadAverage()} at the end`,
        JSON.stringify({ size, ...corpus, repeats, times, ratio: m.cli / m.loader }),
        '',
      ].join('\n'),
    );
  } finally {
    await bench.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
