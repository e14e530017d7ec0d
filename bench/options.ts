import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';

/**
 * What a run measures, from `npm run bench -- [--sizes=…] [--smoke] [--out=DIR] [--duration=S] [--repeats=N]
 * [--rounds=N] [--warmup=N]`.
 */
export interface Options {
  sizes: string[];
  smoke: boolean;
  out: string;
  duration: number;
  /** Repeats of the interleaved c=1 rounds, and rounds (one request to each implementation) per repeat. */
  repeats: number;
  rounds: number;
  /** A repeat of a slow row ends after this many ms, once it has minRounds rounds. */
  repeatBudgetMs: number;
  minRounds: number;
  warmup: number;
  startup: boolean;
  loadTimeoutMs: number;
}

/** Reads the run's flags; --smoke changes the defaults to tiny sizes, short runs and a temp output folder. */
export function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const smoke = argv.includes('--smoke');
  return {
    smoke,
    sizes: (get('sizes') ?? (smoke ? '1k' : 'seed,10k,100k,1m')).split(',').filter(Boolean),
    out: get('out') ?? (smoke ? mkdtempSync(join(tmpdir(), 'bench-smoke-')) : join(PROJECT_ROOT, 'docs')),
    duration: Number(get('duration') ?? (smoke ? 0.3 : 5)),
    repeats: Number(get('repeats') ?? (smoke ? 2 : 3)),
    rounds: Number(get('rounds') ?? (smoke ? 3 : 30)),
    repeatBudgetMs: smoke ? 300 : 60_000,
    minRounds: smoke ? 1 : 10,
    warmup: Number(get('warmup') ?? (smoke ? 1 : 10)),
    startup: !smoke && !argv.includes('--no-startup'),
    loadTimeoutMs: Number(get('load-timeout') ?? 30 * 60) * 1000,
  };
}
