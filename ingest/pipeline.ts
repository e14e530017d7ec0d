import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Database } from '../src/core/database';
import { ANNOTATIONS_DIR, CORPUS_DIR } from '../src/core/paths';
import { type Progress, ProgressBar } from '../src/core/progress';
import { type Annotation, AnnotationSchema } from './annotation/format';
import { type ArticleDocument, readArticleFile } from './article/read';
import { checkAnnotation } from './annotation/check';
import { IngestInputError } from './errors';
import { extractAnnotation, type Gazetteer } from './extract';
import { loadGazetteer } from './gazetteer-source';
import { type CombinedRows, combinePlans } from './combine-plans';
import { type GraphPlan, planArticle } from './graph-plan';
import { formatPath, readAnnotation } from './annotation/read';
import { namedQuery } from '../src/core/named-queries';
import {
  addCounts,
  type ArticleState,
  articleStates,
  noWrites,
  type WriteCounts,
  writeNewArticles,
  writePlan,
} from './write-plan';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
const ANNOTATION_EXTENSIONS = new Set(['.yaml', '.yml']);

/** One unit of work: an article file, and the annotation that describes it when there is one. */
export interface IngestInput {
  articlePath: string;
  annotationPath: string | null;
}

/** checked: a dry run read, extracted where needed, and validated the article, writing nothing. */
export type ArticleStatus = 'created' | 'updated' | 'unchanged' | 'checked' | 'failed';

export interface ArticleOutcome {
  file: string;
  articleId?: string;
  status: ArticleStatus;
  origin?: string;
  counts?: WriteCounts;
  error?: string;
}

export interface IngestSummary {
  outcomes: ArticleOutcome[];
  totals: WriteCounts & { articles: Record<ArticleStatus, number> };
  elapsedMs: number;
}

export interface IngestOptions {
  progress: Progress;
  /** Draw a progress bar on stderr (a terminal) instead of plain lines. */
  bar?: boolean;
  /** Extract and check, but write nothing: each annotation is handed to this callback instead. */
  dryRun?: (annotation: Annotation, file: string) => void;
  /** Facts and mentions per transaction of new articles (DEFAULT_BATCH_ROWS). */
  batchRows?: number;
}

/** What preparing an input needs besides the input: the gazetteer, built once, when a raw article needs it. */
export interface PrepareContext {
  gazetteer: () => Promise<Gazetteer>;
}

function stem(path: string): string {
  return basename(path, extname(path));
}

function findAnnotationFor(articlePath: string): string | null {
  const dir = dirname(articlePath);
  for (const candidate of [
    join(dir, `${stem(articlePath)}.yaml`),
    join(dir, `${stem(articlePath)}.yml`),
    join(ANNOTATIONS_DIR, `${stem(articlePath)}.yaml`),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

async function articleOfAnnotation(annotationPath: string): Promise<string> {
  const source = await readFile(annotationPath, 'utf8');
  const match = /^\s*file:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/m.exec(source);
  const file = match?.[1]?.trim();
  if (!file) throw new IngestInputError(basename(annotationPath), 'article.file is missing', 'article');
  const nearby = resolve(dirname(annotationPath), file);
  return existsSync(nearby) ? nearby : resolve(CORPUS_DIR, file);
}

/**
 * Expands the command line into inputs: article files (paired with an annotation by file stem), annotation
 * files (paired with the article they name) and folders of either. No paths means the sample corpus.
 */
export async function resolveInputs(paths: string[]): Promise<IngestInput[]> {
  const inputs = new Map<string, IngestInput>();
  const addArticle = (articlePath: string, annotationPath: string | null): void => {
    const key = resolve(articlePath);
    const existing = inputs.get(key);
    inputs.set(key, {
      articlePath: key,
      annotationPath: annotationPath ?? existing?.annotationPath ?? findAnnotationFor(key),
    });
  };
  for (const path of paths.length > 0 ? paths : [CORPUS_DIR]) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new IngestInputError(path, 'no such file or folder');
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) {
        if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) addArticle(join(path, name), null);
      }
    } else if (ANNOTATION_EXTENSIONS.has(extname(path).toLowerCase())) {
      addArticle(await articleOfAnnotation(path), resolve(path));
    } else {
      addArticle(path, null);
    }
  }
  return [...inputs.values()];
}

/** Reads, parses (or extracts) and checks one input; throws IngestInputError with the file, place and problem. */
export async function prepareInput(
  input: IngestInput,
  context: PrepareContext,
): Promise<{ doc: ArticleDocument; annotation: Annotation }> {
  const doc = await readArticleFile(input.articlePath);
  if (!input.annotationPath) {
    // A raw article: the extractor writes the same annotation a curator would, marked origin: extracted.
    const extracted = AnnotationSchema.parse(extractAnnotation(doc, await context.gazetteer()));
    const problems = checkAnnotation(extracted, doc.text);
    if (problems.length > 0) {
      throw new IngestInputError(doc.file, `extraction produced an invalid annotation: ${problems[0]!.message}`);
    }
    return { doc, annotation: extracted };
  }
  const annotationFile = basename(input.annotationPath);
  const source = await readFile(input.annotationPath, 'utf8');
  const { annotation, where } = readAnnotation(source, annotationFile);
  const problems = checkAnnotation(annotation, doc.text);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${where(p.path)}: ${p.message}`);
    throw new IngestInputError(
      annotationFile,
      problems.length === 1 ? lines[0]! : `${problems.length} problems:\n  - ${lines.join('\n  - ')}`,
    );
  }
  return { doc, annotation };
}

/**
 * True when a raw article is in the graph already with the same content: its extraction is not run again,
 * because the gazetteer now holds the article's own entities and could resolve them differently.
 */
async function rawArticleUnchanged(db: Database, input: IngestInput): Promise<boolean> {
  if (input.annotationPath) return false;
  const doc = await readArticleFile(input.articlePath);
  const rows = await db.read<{ same: boolean }>(
    "MATCH (a:Article {file: $file}) WHERE a.origin = 'extracted' RETURN a.contentHash = $hash AS same",
    { file: doc.file, hash: doc.contentHash },
  );
  return rows[0]?.same === true;
}

/** An article read and checked, with the annotation that describes it. */
export interface PreparedArticle {
  doc: ArticleDocument;
  annotation: Annotation;
}

/** How many facts and mentions one transaction of new articles holds at most (a single larger article still goes). */
export const DEFAULT_BATCH_ROWS = 50_000;

function base(doc: ArticleDocument, plan: GraphPlan, annotation: Annotation) {
  return { file: doc.file, articleId: plan.article.id, origin: annotation.origin };
}

/** About how many facts and mentions an annotation gives, without planning it. */
function rowsOf(a: Annotation): number {
  const links = a.events.reduce((n, e) => n + e.by.length + e.targets.length + e.concerns.length, 0);
  return a.entities.length + a.events.length + a.roles.length + a.relations.length + a.stances.length + links;
}

function sizeOf(plan: GraphPlan): number {
  return plan.mentions.length + Object.values(plan.facts).reduce((n, rows) => n + rows.length, 0);
}

/** Loads one prepared article in one transaction: the article is in whole or not at all. */
export async function loadArticle(db: Database, doc: ArticleDocument, annotation: Annotation): Promise<ArticleOutcome> {
  const plan = planArticle(annotation, doc);
  return db.writeTransaction(async (tx) => {
    const state = (await articleStates(tx, [plan.article.id])).get(plan.article.id);
    if (state && state.file !== plan.article.file) {
      throw new IngestInputError(
        doc.file,
        `article id "${plan.article.id}" is already used by ${state.file}`,
        'article.id',
      );
    }
    if (
      state &&
      state.contentHash === plan.article.contentHash &&
      state.annotationHash === plan.article.annotationHash
    ) {
      return { ...base(doc, plan, annotation), status: 'unchanged' as const };
    }
    const counts = await writePlan(tx, plan);
    return { ...base(doc, plan, annotation), status: state ? ('updated' as const) : ('created' as const), counts };
  });
}

async function loadOne(db: Database, item: PreparedArticle): Promise<ArticleOutcome> {
  try {
    return await loadArticle(db, item.doc, item.annotation);
  } catch (error) {
    return { file: item.doc.file, status: 'failed', error: describe(error) };
  }
}

/**
 * Loads prepared articles. Those new to the graph go many to a transaction (up to `batchRows` facts and
 * mentions), which is what makes a large import fast; changed ones go one per transaction, since each first
 * retracts what it said before. If a batch fails, its articles are written one by one, so that each failure
 * names its own file and the others still land. Outcomes are in input order; counts are for the whole call.
 */
export async function loadArticles(
  db: Database,
  items: PreparedArticle[],
  options: { batchRows?: number } = {},
): Promise<{ outcomes: ArticleOutcome[]; counts: WriteCounts }> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const counts = noWrites();
  const outcomes: ArticleOutcome[] = new Array(items.length);
  const plans = items.map((item) => planArticle(item.annotation, item.doc));
  const states = await db.read<ArticleState>(namedQuery('ingest/articles-state'), {
    ids: plans.map((p) => p.article.id),
  });
  const stateOf = new Map(states.map((s) => [s.id, s]));

  const fresh: number[] = [];
  const oneByOne: number[] = [];
  const claimed = new Set<string>();
  plans.forEach((plan, i) => {
    const { doc, annotation } = items[i]!;
    const state = stateOf.get(plan.article.id);
    if (claimed.has(plan.article.id)) {
      oneByOne.push(i);
    } else if (!state) {
      fresh.push(i);
    } else if (state.file !== plan.article.file) {
      outcomes[i] = {
        file: doc.file,
        status: 'failed',
        error: describe(
          new IngestInputError(
            doc.file,
            `article id "${plan.article.id}" is already used by ${state.file}`,
            'article.id',
          ),
        ),
      };
    } else if (state.contentHash === plan.article.contentHash && state.annotationHash === plan.article.annotationHash) {
      outcomes[i] = { ...base(doc, plan, annotation), status: 'unchanged' };
    } else {
      oneByOne.push(i);
    }
    claimed.add(plan.article.id);
  });

  const batches: number[][] = [];
  let current: number[] = [];
  let rows = 0;
  for (const i of fresh) {
    const size = sizeOf(plans[i]!);
    if (current.length > 0 && rows + size > batchRows) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(i);
    rows += size;
  }
  if (current.length > 0) batches.push(current);
  // Each batch's rows are combined while the previous batch is being written: Node works while Neo4j does.
  const combine = (batch: number[] | undefined): CombinedRows | Error | null => {
    if (!batch) return null;
    try {
      return combinePlans(batch.map((i) => plans[i]!));
    } catch (error) {
      return error as Error;
    }
  };
  let next = combine(batches[0]);
  for (const [k, batch] of batches.entries()) {
    const rows = next;
    const writing: Promise<WriteCounts> =
      rows instanceof Error || rows === null
        ? Promise.reject(rows ?? new Error('no rows'))
        : db.writeTransaction((tx) => writeNewArticles(tx, rows));
    writing.catch(() => undefined); // awaited below, once the next batch is combined
    next = combine(batches[k + 1]);
    try {
      addCounts(counts, await writing);
      for (const i of batch)
        outcomes[i] = { ...base(items[i]!.doc, plans[i]!, items[i]!.annotation), status: 'created' };
    } catch {
      // Nothing of the batch was committed: write its articles alone, each with its own outcome.
      oneByOne.push(...batch);
    }
  }
  for (const i of oneByOne.sort((a, b) => a - b)) {
    const outcome = await loadOne(db, items[i]!);
    if (outcome.counts) addCounts(counts, outcome.counts);
    outcomes[i] = outcome;
  }
  return { outcomes, counts };
}

function describe(error: unknown): string {
  if (error instanceof IngestInputError) return error.message;
  return `${(error as Error).message ?? String(error)}`;
}

/**
 * Ingests articles into the graph. A bad file is reported and skipped; the rest goes on, and nothing of the
 * bad file reaches the graph. New articles are written many per transaction (see loadArticles).
 */
export async function ingestPaths(db: Database, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const inputs = await resolveInputs(paths);
  const bar = options.bar ? new ProgressBar(inputs.length, 'Ingesting') : null;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const outcomes: ArticleOutcome[] = new Array(inputs.length);
  const totals: IngestSummary['totals'] = {
    articles: { created: 0, updated: 0, unchanged: 0, checked: 0, failed: 0 },
    ...noWrites(),
  };
  const report = (index: number, outcome: ArticleOutcome): void => {
    outcomes[index] = outcome;
    totals.articles[outcome.status] += 1;
    if (bar) bar.tick(outcome.file);
    else
      options.progress.info(
        `${outcome.status.padEnd(9)} ${outcome.file}${outcome.error ? `\n  ${outcome.error}` : ''}`,
      );
  };
  let gazetteer: Promise<Gazetteer> | null = null;
  const context: PrepareContext = { gazetteer: () => (gazetteer ??= loadGazetteer(db)) };
  let pending: { index: number; item: PreparedArticle }[] = [];
  let pendingRows = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const loaded = await loadArticles(
      db,
      pending.map((p) => p.item),
      { batchRows },
    );
    addCounts(totals, loaded.counts);
    loaded.outcomes.forEach((outcome, i) => report(pending[i]!.index, outcome));
    pending = [];
    pendingRows = 0;
  };
  for (const [index, input] of inputs.entries()) {
    try {
      if (!options.dryRun && (await rawArticleUnchanged(db, input))) {
        report(index, { file: basename(input.articlePath), status: 'unchanged', origin: 'extracted' });
        continue;
      }
      const prepared = await prepareInput(input, context);
      if (options.dryRun) {
        options.dryRun(prepared.annotation, prepared.doc.file);
        report(index, { file: prepared.doc.file, status: 'checked', origin: prepared.annotation.origin });
        continue;
      }
      pending.push({ index, item: prepared });
      pendingRows += rowsOf(prepared.annotation);
    } catch (error) {
      report(index, { file: basename(input.articlePath), status: 'failed', error: describe(error) });
      continue;
    }
    if (pendingRows >= batchRows) await flush();
  }
  await flush();
  return { outcomes, totals, elapsedMs: Date.now() - started };
}

export { formatPath };
