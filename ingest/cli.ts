import 'reflect-metadata';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type Config, ConfigError, loadConfig } from '../src/core/config';
import type { Annotation } from './annotation/format';
import { lineProgress, type Progress } from '../src/core/progress';
import { openRuntime } from '../src/neo4j/runtime';
import { EXTRACTOR_USAGE, setUpExtractor, takeExtractorFlag } from '../src/cli/extractor-choice';
import { curatedGazetteer } from './gazetteer-source';
import { bulkLoadEmbedded, writeBulkFiles } from '../src/cli/bulk-load';
import { PROJECT_ROOT } from '../src/core/paths';
import { finishBulkLoad } from './bulk/finish';
import {
  dryRunPaths,
  type IngestOptions,
  type IngestSummary,
  ingestPaths,
  preparePaths,
  retractArticles,
} from './pipeline';

const USAGE = `Usage: npm run ingest -- [--dry-run] [--extractor=rules|corenlp|auto] [paths...]
       npm run ingest -- --retract <article-id>...
       npm run ingest -- --bulk [--files=DIR] [paths...]
       npm run ingest -- --bulk-finish [--files=DIR]
  Loads articles into the graph. Paths are article files (.txt .md .html), annotation files (.yaml)
  or folders of them; none means the sample corpus (ingest/corpus). An article with an annotation
  (<name>.yaml beside it or in ingest/annotations/) is loaded as annotated; a raw article is read by
  the extractor, whose facts are marked origin: extracted.
  --dry-run  print each article's annotation (extracted or curated) as YAML and write nothing;
             save it as <name>.yaml beside the article to correct and curate it. Without NEO4J_URI
             it starts no database: raw articles are resolved against ingest/annotations only.
  --retract  take the articles with these ids out of the graph: their evidence, claims and the nodes only
             they mention (docs/provenance.md); curated facts are never touched by retracting extracted ones.
  --bulk     first load into an EMPTY database through neo4j-admin database import (docs/bulk-load.md):
             the embedded database must be stopped; the importer's files go to DIR (default
             <NEO4J_LOCAL_DIR>/import/bulk, deleted after the load unless --files is given). With NEO4J_URI
             it only writes the files (default .data/bulk-import) and prints the command to run on the server.
  --bulk-finish  after running that command on the server and starting it: migrations and the last step
             (the values kept out of the CSV files, read from the files' folder: --files=DIR as for --bulk).
  ${EXTRACTOR_USAGE}`;

/** Where --bulk with NEO4J_URI writes the files, and where --bulk-finish reads the values kept out of them. */
const BULK_FILES_DEFAULT = join(PROJECT_ROOT, '.data', 'bulk-import');

const NO_DATABASE_NOTICE =
  'Dry run without a database: raw articles are resolved against the curated annotations (ingest/annotations) only; set NEO4J_URI to resolve them against a graph too.';

function printSummary(summary: IngestSummary): void {
  const t = summary.totals;
  const lines = [
    '',
    `Articles: ${t.articles.created} created, ${t.articles.updated} updated, ${t.articles.unchanged} unchanged, ${t.articles.checked} checked, ${t.articles.failed} failed`,
    `Graph: ${t.nodesCreated} nodes created, ${t.nodesDeleted} deleted; ${t.relationshipsCreated} relationships created, ${t.relationshipsDeleted} deleted; ${t.propertiesSet} properties set`,
    `Elapsed: ${(summary.elapsedMs / 1000).toFixed(2)} s`,
  ];
  const failed = summary.outcomes.filter((o) => o.status === 'failed');
  if (failed.length > 0) {
    lines.push('', 'Failures (nothing of these files was written):');
    for (const f of failed) lines.push(`  ${f.error}`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

/** `npm run ingest -- --retract ids...`: takes articles out of the graph; exits 1 when one was not there. */
async function retract(ids: string[]): Promise<number> {
  if (ids.length === 0 || ids.some((id) => id.startsWith('-'))) {
    process.stderr.write(`--retract takes article ids\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const runtime = await openRuntime(config, lineProgress());
  try {
    const { retracted, missing, counts } = await retractArticles(runtime.db, ids);
    process.stderr.write(
      `Retracted ${retracted.length} article(s); ${counts.nodesDeleted} nodes and ${counts.relationshipsDeleted} relationships deleted\n`,
    );
    if (missing.length > 0) process.stderr.write(`Not in the graph: ${missing.join(', ')}\n`);
    return missing.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

/** `npm run ingest -- --bulk-finish`: migrations and finishBulkLoad on NEO4J_URI, after an import run on its server. */
async function bulkFinish(dir: string): Promise<number> {
  const config = loadConfig();
  const runtime = await openRuntime(config, lineProgress());
  try {
    const { deferredRows } = await finishBulkLoad(runtime.db, dir);
    process.stderr.write(
      `Bulk load finished: migrations applied, the values of ${deferredRows} rows kept out of the files (in ${dir}) and the empty lists set.\n`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

/** `npm run ingest -- --bulk [--files=DIR] [paths...]`: the bulk first load; exits 1 when any file failed. */
async function bulk(paths: string[], config: Config, options: IngestOptions & { progress: Progress }): Promise<number> {
  const { progress } = options;
  const filesFlag = paths.find((p) => p.startsWith('--files='));
  const rest = paths.filter((p) => p !== filesFlag);
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) {
    process.stderr.write(`Unknown option ${unknown}\n${USAGE}\n`);
    return 2;
  }
  const filesDir = filesFlag?.slice('--files='.length);
  // An empty database's gazetteer is the curated files' (loadGazetteer adds the graph's entities: none).
  const { prepared, summary } = await preparePaths(rest, { ...options, gazetteer: curatedGazetteer });
  const failed = summary.outcomes.filter((o) => o.status === 'failed');
  progress.info(`Read and checked ${prepared.length} article(s) in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  if (config.neo4j.uri) {
    const dir = filesDir ?? BULK_FILES_DEFAULT;
    const { command } = await writeBulkFiles(config, prepared, dir, progress);
    process.stdout.write(
      [
        `NEO4J_URI is set: the importer must run on that server, with its database "${config.neo4j.database}" stopped and empty.`,
        `Copy ${dir} there (the paths below are this machine's), run`,
        `  ${command}`,
        `then start the database (START DATABASE ${config.neo4j.database}) and run here: npm run ingest -- --bulk-finish${filesDir ? ` --files=${filesDir}` : ''}`,
        '',
      ].join('\n'),
    );
  } else {
    const { runtime, report } = await bulkLoadEmbedded(config, prepared, {
      progress,
      csvDir: filesDir,
      keepFiles: filesDir !== undefined,
    });
    await runtime.close();
    process.stderr.write(
      `\nBulk: ${report.articles} articles; ${report.nodes} nodes, ${report.relationships} relationships; ` +
        `import ${(report.importMs / 1000).toFixed(1)} s, total ${(report.totalMs / 1000).toFixed(1)} s\n`,
    );
  }
  if (failed.length > 0) {
    process.stderr.write('\nLeft out (fix them and ingest them the normal way):\n');
    for (const f of failed) process.stderr.write(`  ${f.error}\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** `npm run ingest -- [paths...]`: validates and loads articles; exits 1 when any file failed. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv[0] === '--retract') return retract(argv.slice(1));
  if (argv[0] === '--bulk-finish' && (argv.length === 1 || (argv.length === 2 && argv[1]!.startsWith('--files=')))) {
    return bulkFinish(argv[1]?.slice('--files='.length) ?? BULK_FILES_DEFAULT);
  }
  const dryRun = argv.includes('--dry-run');
  const bulkLoad = argv.includes('--bulk');
  if (dryRun && bulkLoad) {
    process.stderr.write(`--dry-run and --bulk exclude each other\n${USAGE}\n`);
    return 2;
  }
  let flag: ReturnType<typeof takeExtractorFlag>;
  try {
    flag = takeExtractorFlag(argv.filter((a) => a !== '--dry-run' && a !== '--bulk'));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const paths = flag.rest;
  const config = loadConfig();
  const progress = lineProgress();
  if (bulkLoad) {
    const extraction = await setUpExtractor(flag.mode ?? config.extractor, config, progress);
    try {
      return await bulk(paths, config, { progress, extractor: extraction.extractor });
    } finally {
      await extraction.close();
    }
  }
  const unknown = paths.find((a) => a.startsWith('-'));
  if (unknown) {
    process.stderr.write(`Unknown option ${unknown}\n${USAGE}\n`);
    return 2;
  }
  const extraction = await setUpExtractor(flag.mode ?? config.extractor, config, progress);
  try {
    return await run(paths, dryRun, config, {
      progress,
      bar: Boolean(process.stderr.isTTY),
      extractor: extraction.extractor,
    });
  } finally {
    // A CoreNLP server started for this run stops with it.
    await extraction.close();
  }
}

async function run(
  paths: string[],
  dryRun: boolean,
  config: Config,
  options: IngestOptions & { progress: Progress },
): Promise<number> {
  const { progress } = options;
  const print = (annotation: Annotation, file: string): void => {
    process.stdout.write(`# ${file}\n---\n${stringify(annotation, { lineWidth: 120 })}\n`);
  };
  let summary: IngestSummary;
  if (dryRun && !config.neo4j.uri) {
    // Starting the embedded Neo4j takes half a minute, for a run that writes nothing and whose curated
    // annotations need no graph at all: only a raw article's gazetteer does, and the curated files stand in.
    summary = await dryRunPaths(paths, {
      ...options,
      dryRun: print,
      gazetteer: () => {
        progress.info(NO_DATABASE_NOTICE);
        return curatedGazetteer();
      },
    });
  } else {
    const runtime = await openRuntime(config, progress);
    try {
      summary = await ingestPaths(runtime.db, paths, { ...options, dryRun: dryRun ? print : undefined });
    } finally {
      await runtime.close();
    }
  }
  printSummary(summary);
  return summary.totals.articles.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? '' : 'Ingest failed: '}${(err as Error).message}\n`);
    process.exit(1);
  },
);
