import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { curatedGazetteer } from '../ingest/gazetteer-source';
import { preparePaths } from '../ingest/pipeline';
import { silentProgress } from '../src/core/progress';
import { parseSize } from './generate';
import { writeCorpus } from './ingest-files';
import { log } from './log';
import { loadAverage } from './machine';
import { median } from './measure';

/**
 * Reading, parsing and checking alone, as the ingest CLI does before it writes: `npm run bench:prepare-files --
 * [size] [--repeats=N] [--dir=FOLDER]`. The synthetic articles of a size are written as `.txt` + `.yaml` files
 * (the folder of bench:ingest-files; `--dir` reuses one written before and keeps it), then `preparePaths` runs on
 * the folder N times (5 by default), each in a fresh process as the CLI runs it. Prints facts/s per repeat, the median and range, and the
 * load average, since the machine may be shared.
 */
/** Wall time, and the CPU time of the process (all its threads): the CPU time is what other load on a shared machine does not inflate much. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** One preparePaths on the folder in this process; rejects when a file failed or one is missing. */
async function timeOnce(dir: string, articles: number): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { prepared, summary } = await preparePaths([dir], { progress: silentProgress, gazetteer: curatedGazetteer });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const failed = summary.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0 || prepared.length !== articles) {
    throw new Error(`preparePaths on ${dir}: ${failed.length} failed (${failed[0]?.error ?? 'none'})`);
  }
  return { wallMs: ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * timeOnce in a fresh node process, as the CLI meets the folder: a second run in the same process is about a
 * third faster (the JIT has compiled the parser), which is not what a user running the CLI gets.
 */
function timeInChild(dir: string, articles: number): Promise<Timing> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, __filename, CHILD_FLAG, dir, String(articles)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`preparePaths child on ${dir} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as Timing);
      },
    );
  });
}

const CHILD_FLAG = '--child';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const size = argv.find((a) => !a.startsWith('--')) ?? '100k';
  const repeats = Number(argv.find((a) => a.startsWith('--repeats='))?.slice('--repeats='.length) ?? 5);
  const given = argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length);
  const facts = parseSize(size);
  if (facts === null) throw new Error('bench:prepare-files needs a synthetic size (10k, 100k, 1M), not seed');
  const dir = given ?? (await mkdtemp(join(tmpdir(), 'prepare-files-')));
  await mkdir(dir, { recursive: true });
  const loadAtStart = loadAverage();
  try {
    const corpus = await writeCorpus(dir, facts);
    log(`${corpus.articles} articles (${corpus.facts} facts) written to ${dir}`);
    const wall: number[] = [];
    const cpu: number[] = [];
    const rate = (ms: number): number => Math.round(corpus.facts / (ms / 1000));
    for (let r = 1; r <= repeats; r += 1) {
      const t = await timeInChild(dir, corpus.articles);
      wall.push(t.wallMs);
      cpu.push(t.cpuMs);
      log(
        `repeat ${r}/${repeats}: ${(t.wallMs / 1000).toFixed(2)} s wall (${rate(t.wallMs)} facts/s), ` +
          `${(t.cpuMs / 1000).toFixed(2)} s CPU; load average ${loadAverage()}`,
      );
    }
    const s = (ms: number): string => (ms / 1000).toFixed(2);
    const line = (name: string, xs: number[]): string =>
      `${name}: median ${s(median(xs))} s (${rate(median(xs))} facts/s), range ${s(Math.min(...xs))}–` +
      `${s(Math.max(...xs))} s (${rate(Math.max(...xs))}–${rate(Math.min(...xs))} facts/s)`;
    process.stdout.write(
      [
        `preparePaths, ${size} (${corpus.articles} articles, ${corpus.facts} facts), ${repeats} repeats, each in a fresh process`,
        line('wall', wall),
        line('CPU (all threads)', cpu),
        `load average ${loadAtStart} at the start, ${loadAverage()} at the end`,
        JSON.stringify({ size, ...corpus, repeats, wall, cpu }),
        '',
      ].join('\n'),
    );
  } finally {
    if (!given) await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === CHILD_FLAG) {
  timeOnce(process.argv[3]!, Number(process.argv[4])).then(
    (timing) => process.stdout.write(`${JSON.stringify(timing)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
} else if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
