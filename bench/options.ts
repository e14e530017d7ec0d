import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';

/** What a run measures, from `npm run bench -- [--sizes=…] [--smoke] [--out=DIR] [--duration=S] …`. */
export interface Options {
  sizes: string[];
  smoke: boolean;
  out: string;
  duration: number;
  iterations: number;
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
    iterations: Number(get('iterations') ?? (smoke ? 3 : 100)),
    warmup: Number(get('warmup') ?? (smoke ? 1 : 10)),
    startup: !smoke && !argv.includes('--no-startup'),
    loadTimeoutMs: Number(get('load-timeout') ?? 30 * 60) * 1000,
  };
}
