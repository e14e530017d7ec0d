import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { log } from './log';
import { rssMb } from './measure';
import type { Conn } from './processes';
import { type MemorySample, parsePrometheus } from './soak-figures';

/** The parts of a soak run that watch processes: the ingest child, the memory sampler, /metrics scrapes. */

/** GET /metrics of the service, as samples (empty when it does not answer). */
export async function scrapeMetrics(baseUrl: string): Promise<{ text: string; samples: Map<string, number> }> {
  try {
    const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const text = await res.text();
    return { text, samples: res.ok ? parsePrometheus(text) : new Map() };
  } catch {
    return { text: '', samples: new Map() };
  }
}

/** Reads the API's RSS (/proc) and used heap (/metrics) and Neo4j's RSS every intervalMs until stopped. */
export function startSampler(
  baseUrl: string,
  pids: { api: number; neo4j: number | null },
  options: { intervalMs: number; origin: number },
): { samples: MemorySample[]; stop(): Promise<void> } {
  const samples: MemorySample[] = [];
  let running = true;
  const sample = async (): Promise<void> => {
    const at = performance.now() - options.origin;
    const metrics = await scrapeMetrics(baseUrl);
    const heap = metrics.samples.get('nodejs_heap_size_used_bytes');
    samples.push({
      at,
      apiRssMb: rssMb(pids.api),
      apiHeapMb: heap === undefined ? null : heap / 1024 ** 2,
      neo4jRssMb: pids.neo4j ? rssMb(pids.neo4j) : null,
    });
  };
  const loop = (async () => {
    let next = performance.now();
    while (running) {
      await sample();
      next += options.intervalMs;
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
    await sample();
  })();
  return {
    samples,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** What the ingest beside the reads did, in ms since the load began. */
export interface IngestRecord {
  articles: number;
  factsPerArticle: number;
  startedAt: number;
  /** When it finished; null when it was still running as the load stopped (it is then stopped too). */
  finishedAt: number | null;
  loaded: number;
  failed: number;
  exitCode: number | null;
  progress: { at: number; loaded: number }[];
  stderr: string;
}

/** Starts bench/soak-ingest.ts in a child process against the database. */
export function startIngest(
  conn: Conn,
  articles: number,
  factsPerArticle: number,
  origin: number,
): { record: IngestRecord; child: ChildProcess; done: Promise<void> } {
  const record: IngestRecord = {
    articles,
    factsPerArticle,
    startedAt: performance.now() - origin,
    finishedAt: null,
    loaded: 0,
    failed: 0,
    exitCode: null,
    progress: [],
    stderr: '',
  };
  const child = spawn(
    process.execPath,
    [join(__dirname, 'soak-ingest.js'), String(articles), String(factsPerArticle)],
    {
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let pending = '';
  child.stdout!.on('data', (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const msg = JSON.parse(line) as { loaded: number; failed: number; done?: boolean };
      record.loaded = msg.loaded;
      record.failed = msg.failed;
      record.progress.push({ at: performance.now() - origin, loaded: msg.loaded });
      if (msg.done) record.finishedAt = performance.now() - origin;
    }
  });
  child.stderr!.on('data', (d: Buffer) => (record.stderr = (record.stderr + d.toString()).slice(-4000)));
  const done = new Promise<void>((r) =>
    child.once('exit', (code) => {
      record.exitCode = code;
      log(`ingest beside the load: ${record.loaded}/${articles} articles, exit ${code}`);
      r();
    }),
  );
  return { record, child, done };
}
