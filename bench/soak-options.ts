import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';

/** What a soak run does, from `npm run bench:soak -- [--minutes=10] [--smoke] …`. */
export interface SoakOptions {
  smoke: boolean;
  /** How long the closed loop runs. */
  minutes: number;
  /** Requests in flight. */
  concurrency: number;
  /** The synthetic graph loaded beside the seed corpus before the run (bench/generate.ts sizes: 10k, 100k…). */
  size: string;
  /** The ingest that runs beside the reads: how many synthetic articles, of how many facts each. */
  articles: number;
  factsPerArticle: number;
  /** Seconds of load before the ingest starts, so the plot shows reads alone first. */
  ingestDelayS: number;
  /** Sampling interval of latency, throughput and memory. */
  intervalS: number;
  /** A client gives up a request after this long (counted as CLIENT_TIMEOUT). */
  clientTimeoutS: number;
  out: string;
}

/** Reads the run's flags; --smoke is 30 s on a small graph with a small ingest, written to a temp folder. */
export function parseSoakArgs(argv: string[]): SoakOptions {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, fallback: number): number => {
    const raw = get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got ${raw})`);
    return value;
  };
  const smoke = argv.includes('--smoke');
  return {
    smoke,
    minutes: num('minutes', smoke ? 0.5 : 10),
    concurrency: Math.round(num('concurrency', smoke ? 8 : 32)),
    size: get('size') ?? (smoke ? '5k' : '100k'),
    articles: Math.round(num('articles', smoke ? 10 : 200)),
    factsPerArticle: Math.round(num('facts-per-article', smoke ? 50 : 500)),
    ingestDelayS: num('ingest-delay', smoke ? 5 : 30),
    intervalS: num('interval', 5),
    clientTimeoutS: num('client-timeout', 20),
    out: get('out') ?? (smoke ? mkdtempSync(join(tmpdir(), 'soak-smoke-')) : join(PROJECT_ROOT, 'docs')),
  };
}
