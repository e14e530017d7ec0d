/**
 * The ingest pipeline: inputs resolved (resolve-inputs.ts), each article read once and prepared
 * (prepare-input.ts), written in batches (load-articles.ts), and reported (ingest-summary.ts).
 */
import { basename } from 'node:path';
import type { Database } from '../src/core/database';
import type { Progress } from '../src/core/progress';
import type { Annotation } from './annotation/format';
import { readArticleFile } from './article/read';
import { type Gazetteer, learnEntities } from './extract';
import type { Extractor } from './extract/extractor';
import { loadGazetteer } from './gazetteer-source';
import { describeError, type IngestSummary, SummaryRecorder } from './ingest-summary';
import { DEFAULT_BATCH_ROWS, loadArticles, rowsOf } from './load-articles';
import { type PrepareContext, type PreparedArticle, prepareDocument, rawArticleUnchanged } from './prepare-input';
import { resolveInputs } from './resolve-inputs';
import { addCounts } from './write-plan';

export { formatPath } from './annotation/read';
export type { ArticleOutcome, ArticleStatus, IngestSummary } from './ingest-summary';
export { DEFAULT_BATCH_ROWS, loadArticle, loadArticles, retractArticles } from './load-articles';
export { type PrepareContext, type PreparedArticle, prepareInput } from './prepare-input';
export { type IngestInput, resolveInputs } from './resolve-inputs';

export interface IngestOptions {
  progress: Progress;
  /** Draw a progress bar on stderr (a terminal) instead of plain lines. */
  bar?: boolean;
  /** Extract and check, but write nothing: each annotation is handed to this callback instead. */
  dryRun?: (annotation: Annotation, file: string, prepared: PreparedArticle) => void;
  /** Facts and mentions per transaction of new articles (DEFAULT_BATCH_ROWS). */
  batchRows?: number;
  /** Reads raw articles; the rules extractor when unset. */
  extractor?: Extractor;
}

/** The options of a dry run without a database: it prints, and resolves raw articles against `gazetteer`. */
export interface DryRunOptions extends IngestOptions {
  dryRun: NonNullable<IngestOptions['dryRun']>;
  gazetteer: () => Promise<Gazetteer>;
}

/**
 * How many write transactions' worth of prepared articles one loadArticles call gets. Within a call, the rows
 * of a transaction are combined while the previous one is written; a call of one transaction combines and
 * writes in turn, and its state read is paid per transaction. Ten keeps both small (a folder of 500-fact
 * files went from 1.45x to 1.25x of the warm in-memory loader, bench:ingest-files) while two calls' articles stay a few MB in memory.
 */
const BATCHES_PER_CALL = 10;

/**
 * Ingests articles into the graph. A bad file is reported and skipped; the rest goes on, and nothing of the
 * bad file reaches the graph. New articles are written many per transaction (see loadArticles).
 */
export async function ingestPaths(db: Database, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  return runPaths(db, paths, options, () => loadGazetteer(db));
}

/** A dry run that needs no database: each article is read, extracted or checked, and handed to options.dryRun. */
export async function dryRunPaths(paths: string[], options: DryRunOptions): Promise<IngestSummary> {
  return runPaths(null, paths, options, options.gazetteer);
}

/**
 * Reads and checks every article of `paths` as an ingest would, writing nothing, and returns those that
 * passed in input order (a bulk load writes them): a bad file is reported in the summary and left out.
 */
export async function preparePaths(
  paths: string[],
  options: Omit<DryRunOptions, 'dryRun'>,
): Promise<{ prepared: PreparedArticle[]; summary: IngestSummary }> {
  const prepared: PreparedArticle[] = [];
  const summary = await dryRunPaths(paths, { ...options, dryRun: (_a, _f, item) => prepared.push(item) });
  return { prepared, summary };
}

async function runPaths(
  db: Database | null,
  paths: string[],
  options: IngestOptions,
  loadGazetteerOnce: () => Promise<Gazetteer>,
): Promise<IngestSummary> {
  const started = Date.now();
  const inputs = await resolveInputs(paths);
  const recorder = new SummaryRecorder(inputs.length, options.progress, options.bar ?? false);
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  let gazetteer: Promise<Gazetteer> | null = null;
  // The gazetteer learns within the run: entities of each file are known to the files after it, even
  // before they are written (new articles are written in batches) and before the gazetteer is loaded.
  // Only the entities are kept: a run of curated files never loads the gazetteer, and holding every
  // annotation whole would grow with the folder.
  const learned: Pick<Annotation, 'entities'>[] = [];
  const context: PrepareContext = {
    gazetteer: () =>
      (gazetteer ??= loadGazetteerOnce().then((g) => {
        for (const a of learned) learnEntities(g, a);
        return g;
      })),
    extractor: options.extractor,
  };
  let pending: { index: number; item: PreparedArticle }[] = [];
  let pendingRows = 0;
  const write = async (writeTo: Database, batch: { index: number; item: PreparedArticle }[]): Promise<void> => {
    const loaded = await loadArticles(
      writeTo,
      batch.map((p) => p.item),
      { batchRows },
    );
    addCounts(recorder.totals, loaded.counts);
    loaded.outcomes.forEach((outcome, i) => recorder.report(batch[i]!.index, outcome));
  };
  // One batch is written while the next is read and checked: reading and parsing the files is CPU work in
  // this process, the writes wait on Neo4j, so the two overlap instead of adding up. At most one batch is in
  // flight, so memory stays at two batches. A failure of the write (the database gone) is kept and thrown at
  // the next wait, never left as an unhandled rejection while files are being read.
  let writing: Promise<unknown> = Promise.resolve();
  let writeError: { error: unknown } | null = null;
  const waitForWrite = async (): Promise<void> => {
    await writing;
    if (writeError) throw writeError.error;
  };
  const flush = async (writeTo: Database): Promise<void> => {
    await waitForWrite();
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingRows = 0;
    writing = write(writeTo, batch).catch((error: unknown) => {
      writeError = { error };
    });
  };
  for (const [index, input] of inputs.entries()) {
    try {
      const doc = await readArticleFile(input.articlePath);
      if (db && !options.dryRun && (await rawArticleUnchanged(db, doc, input))) {
        recorder.report(index, { file: basename(input.articlePath), status: 'unchanged', origin: 'extracted' });
        continue;
      }
      const prepared = await prepareDocument(doc, input, context);
      if (gazetteer) learnEntities(await gazetteer, prepared.annotation);
      else learned.push({ entities: prepared.annotation.entities });
      if (options.dryRun || !db) {
        options.dryRun?.(prepared.annotation, prepared.doc.file, prepared);
        recorder.report(index, { file: prepared.doc.file, status: 'checked', origin: prepared.annotation.origin });
        continue;
      }
      pending.push({ index, item: prepared });
      pendingRows += rowsOf(prepared.annotation);
    } catch (error) {
      recorder.report(index, { file: basename(input.articlePath), status: 'failed', error: describeError(error) });
      continue;
    }
    if (db && pendingRows >= batchRows * BATCHES_PER_CALL) await flush(db);
  }
  if (db) {
    await flush(db);
    await waitForWrite();
  }
  return { outcomes: recorder.outcomes, totals: recorder.totals, elapsedMs: Date.now() - started };
}
