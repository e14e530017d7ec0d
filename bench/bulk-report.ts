import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm run bench:bulk` measured (bench/bulk-load.ts), kept in docs/bulk-load.json. */
export interface BulkBenchResult {
  size: string;
  factRows: number;
  articles: number;
  nodes: number;
  relationships: number;
  combineMs: number;
  csvMs: number;
  importMs: number;
  startMs: number;
  /** Absent in results from before the deferred values (then inside startMs). */
  finishMs?: number;
  deferredRows?: number;
  totalMs: number;
  graph: { nodes: number; rels: number; mentions: number };
  relsPerSecImport: number;
  relsPerSecFilesAndImport: number;
  relsPerSecTotal: number;
  peakRssMb: number;
  loadAverage?: { start: string; end: string };
  measuredAt?: string;
}

export const BULK_SECTION_START = '<!-- bulk-load:start -->';
export const BULK_SECTION_END = '<!-- bulk-load:end -->';

const s = (ms: number): string => (ms / 1000).toFixed(1);
const n = (x: number): string => x.toLocaleString('en-US');

/** The "Bulk first load" part of docs/benchmarks.md "Ingest", from docs/bulk-load.json (or a note that it is missing). */
export function bulkSection(docsDir: string): string[] {
  const file = join(docsDir, 'bulk-load.json');
  const head = [BULK_SECTION_START, '### Bulk first load', ''];
  if (!existsSync(file)) return [...head, 'Not measured yet: `npm run bench:bulk -- 1m`.', BULK_SECTION_END];
  const r = JSON.parse(readFileSync(file, 'utf8')) as BulkBenchResult;
  return [
    ...head,
    '`npm run bench:bulk -- 1m` (bench/bulk-load.ts): the synthetic corpus through the path of `npm run ingest -- --bulk`',
    "(docs/bulk-load.md) into a throw-away embedded Neo4j: the loader's plans combined, written as the",
    "importer's CSV files, `neo4j-admin database import full` on the stopped home (JVM start included), then the",
    'server started and the migrations applied (constraints and indexes built on the imported data), then the finish',
    `step: the values kept out of the files because they hold line breaks set in batched Cypher (${n(r.deferredRows ?? 0)} rows: the`,
    'article texts) and the empty lists set. Rates are the relationships imported over each span; the graph was',
    'counted after the load. One run.',
    r.loadAverage
      ? `Load average (1/5/15 min) at its start: ${r.loadAverage.start}; at its end: ${r.loadAverage.end}.`
      : '',
    '',
    '| size | articles | nodes | relationships (MENTIONS) | combine s | CSV files s | import s | start + migrations s | finish s | total s | rels/s import | rels/s files + import | rels/s total | peak RSS MB |',
    '| ---- | -------: | ----: | -----------------------: | --------: | ----------: | -------: | -------------------: | -------: | ------: | ------------: | --------------------: | -----------: | ----------: |',
    `| ${r.size} | ${n(r.articles)} | ${n(r.graph.nodes)} | ${n(r.graph.rels)} (${n(r.graph.mentions)}) | ${s(r.combineMs)} | ${s(r.csvMs)} | ${s(r.importMs)} | ${s(r.startMs)} | ${r.finishMs === undefined ? '–' : s(r.finishMs)} | ${s(r.totalMs)} | ${n(r.relsPerSecImport)} | ${n(r.relsPerSecFilesAndImport)} | ${n(r.relsPerSecTotal)} | ${n(r.peakRssMb)} |`,
    BULK_SECTION_END,
  ].filter((line, i, all) => !(line === '' && all[i - 1] === ''));
}

/** docs/benchmarks.md with its bulk section replaced by (or, if it has none, given after the ingest table) the current one. */
export function withBulkSection(markdown: string, docsDir: string): string {
  const section = bulkSection(docsDir).join('\n');
  const start = markdown.indexOf(BULK_SECTION_START);
  const end = markdown.indexOf(BULK_SECTION_END);
  if (start >= 0 && end > start)
    return markdown.slice(0, start) + section + markdown.slice(end + BULK_SECTION_END.length);
  const next = markdown.indexOf('\n## ', markdown.indexOf('## Ingest') + 1);
  if (next < 0) return `${markdown.trimEnd()}\n\n${section}\n`;
  return `${markdown.slice(0, next)}\n${section}\n${markdown.slice(next)}`;
}
