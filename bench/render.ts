import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';
import { writeMarkdown } from './report';
import type { BenchResult } from './results';

/** Re-renders benchmarks.md from benchmarks.json (after editing bench/analysis.md): node dist/bench/render.js [dir] */
async function main(): Promise<void> {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(PROJECT_ROOT, 'docs');
  const result = JSON.parse(readFileSync(join(dir, 'benchmarks.json'), 'utf8')) as BenchResult;
  // --merge=DIR adds the sizes of another run (e.g. a separate 1m run) to this one's figures.
  const merge = process.argv.find((a) => a.startsWith('--merge='))?.slice('--merge='.length);
  if (merge) {
    const other = JSON.parse(readFileSync(join(merge, 'benchmarks.json'), 'utf8')) as BenchResult;
    result.sizes = [...result.sizes.filter((s) => !other.sizes.some((o) => o.size === s.size)), ...other.sizes];
    result.command = `${result.command}; then ${other.command} (merged)`;
    result.finishedAt = other.finishedAt;
    writeFileSync(join(dir, 'benchmarks.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  await writeMarkdown(dir, result);
}

void main();
