import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILE } from '../src/core/paths';

/**
 * Median latency of each README example query (schema/examples/*.graphql) against a running service:
 * `npm run bench:examples -- [url] [runs]`, default http://127.0.0.1:4000 and 50 runs after 5 warm-ups.
 */
async function main(): Promise<void> {
  const url = process.argv[2] ?? 'http://127.0.0.1:4000';
  const runs = Number(process.argv[3] ?? 50);
  const dir = join(SCHEMA_FILE, '..', 'examples');
  const rows: string[] = ['| example | p50 ms | p95 ms | round trips |', '|---|---|---|---|'];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const query = readFileSync(join(dir, file), 'utf8');
    const times: number[] = [];
    let roundTrips: unknown = null;
    for (let i = 0; i < runs + 5; i += 1) {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: unknown[]; extensions?: { roundTrips?: number } };
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (body.errors) throw new Error(`${file}: ${JSON.stringify(body.errors)}`);
      roundTrips = body.extensions?.roundTrips ?? null;
      if (i >= 5) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    rows.push(`| ${file} | ${at(0.5)} | ${at(0.95)} | ${String(roundTrips)} |`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
