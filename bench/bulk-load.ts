import 'reflect-metadata';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreparedArticle } from '../ingest/pipeline';
import { bulkLoadEmbedded } from '../src/cli/bulk-load';
import { loadConfig } from '../src/core/config';
import { PROJECT_ROOT } from '../src/core/paths';
import { freePort } from '../src/core/ports';
import { lineProgress } from '../src/core/progress';
import { withBulkSection } from './bulk-report';
import { generateArticles, parseSize } from './generate';
import { formatMarkdown } from './report';

const DOCS = join(PROJECT_ROOT, 'docs');
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * The bulk first load of the synthetic corpus (bench/generate.ts) into a throw-away embedded Neo4j, timed
 * step by step, with the relationships counted in the graph afterwards. Prints one JSON line, keeps it in
 * docs/bulk-load.json and renders it into docs/benchmarks.md "Ingest". Usage: npm run bench:bulk -- [size] (default 1m).
 */
async function main(size: string): Promise<void> {
  const facts = parseSize(size);
  if (facts === null) throw new Error('bench:bulk takes a synthetic size such as 100k or 1m');
  const progress = lineProgress();
  const home = await mkdtemp(join(tmpdir(), 'bench-bulk-'));
  const config = loadConfig(
    {
      NEO4J_LOCAL_DIR: join(home, 'neo4j'),
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
      NEO4J_LOCAL_CLASS_DATA: 'false', // a throw-away home starts once: an archive would only slow its stop
      NEO4J_LOCAL_HEAP: '1g',
      NEO4J_LOCAL_PAGECACHE: '512m',
    },
    PROJECT_ROOT,
  );
  const loadAtStart = load();
  try {
    const generated = Date.now();
    const items: PreparedArticle[] = [...generateArticles({ facts })];
    const generateMs = Date.now() - generated;
    progress.info(
      `Generated ${items.length} synthetic articles (${facts} fact rows) in ${(generateMs / 1000).toFixed(1)} s`,
    );
    const { runtime, report } = await bulkLoadEmbedded(config, items, { progress });
    try {
      const [graph] = await runtime.db.read<{ nodes: number; rels: number; mentions: number }>(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } ' +
          'CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions } RETURN nodes, rels, mentions',
      );
      const rate = (ms: number): number => Math.round(report.relationships / (ms / 1000));
      const result = {
        size,
        factRows: facts,
        ...report,
        graph,
        relsPerSecImport: rate(report.importMs),
        relsPerSecFilesAndImport: rate(report.combineMs + report.csvMs + report.importMs),
        relsPerSecTotal: rate(report.totalMs),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        loadAverage: { start: loadAtStart, end: load() },
        measuredAt: new Date().toISOString(),
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
      await writeFile(join(DOCS, 'bulk-load.json'), `${JSON.stringify(result, null, 2)}\n`);
      const benchmarks = join(DOCS, 'benchmarks.md');
      await writeFile(benchmarks, await formatMarkdown(withBulkSection(await readFile(benchmarks, 'utf8'), DOCS)));
    } finally {
      await runtime.close();
    }
  } catch (error) {
    progress.info(`Left ${home} as it is, to look at the importer's files and report`);
    throw error;
  }
  await rm(home, { recursive: true, force: true });
}

main(process.argv[2] ?? '1m').then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:bulk failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
