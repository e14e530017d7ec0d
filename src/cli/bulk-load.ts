/**
 * The bulk first load (docs/bulk-load.md): a corpus into an empty database through Neo4j's offline importer
 * instead of transactions. Composes the pipeline (the same plans and combined rows as the online loader,
 * written as the importer's files) with the embedded launcher (the importer on the stopped home, then the
 * server started and migrated as at every start).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  importArguments,
  importCommandLine,
  importCounts,
  bulkRows,
  writeImportFiles,
  type ImportFiles,
} from '../../ingest/bulk/import-files';
import { finishBulkLoad, occupiedNodes } from '../../ingest/bulk/finish';
import type { PreparedArticle } from '../../ingest/prepare-input';
import type { Config } from '../core/config';
import type { Progress } from '../core/progress';
import {
  assertLocalServerStopped,
  LocalServerRunningError,
  localStoreExists,
  runOfflineImport,
} from '../neo4j/offline-import';
import { openRuntime, type Runtime } from '../neo4j/runtime';

/** The target database holds data, or is not one the project can import into; says which and what to do. */
export class BulkTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkTargetError';
  }
}

/** What a bulk load did and how long each step took. */
export interface BulkLoadReport {
  articles: number;
  nodes: number;
  relationships: number;
  /** Planning and combining the rows. */
  combineMs: number;
  /** Writing the importer's files. */
  csvMs: number;
  csvDir: string;
  /** neo4j-admin database import full, JVM start included. */
  importMs: number;
  /** Starting the server on the imported store and the migrations (constraints and indexes built). */
  startMs: number;
  /** finishBulkLoad: the deferred values (they hold line breaks) and the empty lists set. */
  finishMs: number;
  /** Rows whose deferred values the finish step set. */
  deferredRows: number;
  totalMs: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function filesFor(items: PreparedArticle[], dir: string, progress: Progress) {
  const started = Date.now();
  progress.info(`Bulk load: planning and combining ${items.length} article(s)…`);
  const bulk = bulkRows(items);
  const combineMs = Date.now() - started;
  progress.info(`Bulk load: writing the importer's files to ${dir}…`);
  await rm(dir, { recursive: true, force: true });
  const files = await writeImportFiles(dir, bulk, new Date());
  const csvMs = Date.now() - started - combineMs;
  const counts = importCounts(files);
  progress.info(
    `Bulk load: ${counts.nodes} nodes and ${counts.relationships} relationships in ${files.nodes.length + files.relationships.length} files (${seconds(csvMs)})`,
  );
  return { files, counts, combineMs, csvMs };
}

/** Throws BulkTargetError unless the embedded database is stopped and holds no data; returns whether its store exists. */
async function checkEmbeddedTarget(config: Config, progress: Progress): Promise<boolean> {
  const home = config.local.home;
  await assertLocalServerStopped(home);
  if (!localStoreExists(config.local, config.neo4j.database)) return false;
  // A store that exists may still be empty (started once, nothing loaded): only the server can say.
  progress.info(`Bulk load: ${home} has a database already; starting it to check that it is empty…`);
  const runtime = await openRuntime(config, progress);
  try {
    if (runtime.local?.attached) {
      throw new LocalServerRunningError(home, `was started meanwhile (pid ${runtime.local.pid})`);
    }
    const nodes = await occupiedNodes(runtime.db);
    if (nodes > 0) {
      throw new BulkTargetError(
        `The database "${config.neo4j.database}" in ${home} holds ${nodes} nodes: a bulk load only fills an empty one. ` +
          'Ingest into it the normal way (npm run ingest -- <paths>), or point NEO4J_LOCAL_DIR at a new folder.',
      );
    }
  } finally {
    await runtime.close();
  }
  return true;
}

/**
 * Loads prepared articles into the empty embedded database with `neo4j-admin database import full`, then
 * starts the server, applies the migrations and completes the graph (finishBulkLoad). Refuses NEO4J_URI
 * (see writeBulkFiles), a running server, and a database holding data. Returns the open runtime: close it.
 */
export async function bulkLoadEmbedded(
  config: Config,
  items: PreparedArticle[],
  options: { progress: Progress; csvDir?: string; keepFiles?: boolean },
): Promise<{ runtime: Runtime; report: BulkLoadReport }> {
  const { progress } = options;
  const started = Date.now();
  if (config.neo4j.uri) {
    throw new BulkTargetError(
      `NEO4J_URI is set (${config.neo4j.uri}): the importer runs where the database's files are. 'npm run ingest -- --bulk' with NEO4J_URI set writes the files and prints the command to run on that server.`,
    );
  }
  const existed = await checkEmbeddedTarget(config, progress);
  const dir = options.csvDir ?? join(config.local.home, 'import', 'bulk');
  const { files, counts, combineMs, csvMs } = await filesFor(items, dir, progress);
  progress.info(`Bulk load: neo4j-admin database import full into "${config.neo4j.database}"…`);
  const args = importArguments(files, config.neo4j.database, {
    overwrite: existed,
    reportFile: join(dir, 'import.report'),
  });
  const imported = await runOfflineImport(config.local, args, progress);
  progress.info(
    `Bulk load: imported in ${seconds(imported.ms)} (${Math.round(counts.relationships / (imported.ms / 1000))} relationships/s); starting Neo4j and applying the migrations…`,
  );
  const startedServer = Date.now();
  const runtime = await openRuntime(config, progress);
  const startMs = Date.now() - startedServer;
  let finished: { deferredRows: number };
  try {
    progress.info(`Bulk load: setting the ${files.deferredRows} rows of values kept out of the files…`);
    finished = await finishBulkLoad(runtime.db, dir);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const finishMs = Date.now() - startedServer - startMs;
  if (!options.keepFiles) await rm(dir, { recursive: true, force: true });
  const report: BulkLoadReport = {
    articles: items.length,
    ...counts,
    combineMs,
    csvMs,
    csvDir: dir,
    importMs: imported.ms,
    startMs,
    finishMs,
    deferredRows: finished.deferredRows,
    totalMs: Date.now() - started,
  };
  progress.info(`Bulk load: done in ${seconds(report.totalMs)}; later articles go through npm run ingest as usual`);
  return { runtime, report };
}

/**
 * For a database the project does not run (NEO4J_URI): writes the importer's files into dir and returns
 * them with the command to run on the database's server, where it must be stopped and empty.
 */
export async function writeBulkFiles(
  config: Config,
  items: PreparedArticle[],
  dir: string,
  progress: Progress,
): Promise<{ files: ImportFiles; command: string }> {
  const { files } = await filesFor(items, dir, progress);
  const args = importArguments(files, config.neo4j.database, {
    overwrite: false,
    reportFile: join(dir, 'import.report'),
  });
  return { files, command: importCommandLine(args) };
}
