import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Database } from '../src/neo4j/database';
import { ANNOTATIONS_DIR, CORPUS_DIR } from '../src/paths';
import { type Progress, ProgressBar } from '../src/progress';
import { type Annotation, AnnotationSchema } from './annotation-schema';
import { type ArticleDocument, readArticleFile } from './article/read';
import { checkAnnotation } from './check-annotation';
import { IngestInputError } from './errors';
import { extractAnnotation, type Gazetteer } from './extract';
import { loadGazetteer } from './gazetteer-source';
import { planArticle } from './graph-plan';
import { formatPath, readAnnotation } from './read-annotation';
import { articleState, type WriteCounts, writePlan } from './write-plan';

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

/** Loads one prepared article in one transaction: the article is in whole or not at all. */
export async function loadArticle(db: Database, doc: ArticleDocument, annotation: Annotation): Promise<ArticleOutcome> {
  const plan = planArticle(annotation, doc);
  return db.writeTransaction(async (tx) => {
    const state = await articleState(tx, plan.article.id);
    if (state && state.file !== plan.article.file) {
      throw new IngestInputError(
        doc.file,
        `article id "${plan.article.id}" is already used by ${state.file}`,
        'article.id',
      );
    }
    const base = { file: doc.file, articleId: plan.article.id, origin: annotation.origin };
    if (
      state &&
      state.contentHash === plan.article.contentHash &&
      state.annotationHash === plan.article.annotationHash
    ) {
      return { ...base, status: 'unchanged' as const };
    }
    const counts = await writePlan(tx, plan);
    return { ...base, status: state ? ('updated' as const) : ('created' as const), counts };
  });
}

function describe(error: unknown): string {
  if (error instanceof IngestInputError) return error.message;
  return `${(error as Error).message ?? String(error)}`;
}

/**
 * Ingests articles into the graph, one transaction each. A bad file is reported and skipped; the rest of
 * the batch goes on, and nothing of the bad file reaches the graph.
 */
export async function ingestPaths(db: Database, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const inputs = await resolveInputs(paths);
  const bar = options.bar ? new ProgressBar(inputs.length, 'Ingesting') : null;
  const outcomes: ArticleOutcome[] = [];
  let gazetteer: Promise<Gazetteer> | null = null;
  const context: PrepareContext = { gazetteer: () => (gazetteer ??= loadGazetteer(db)) };
  for (const input of inputs) {
    let outcome: ArticleOutcome;
    try {
      if (!options.dryRun && (await rawArticleUnchanged(db, input))) {
        outcome = { file: basename(input.articlePath), status: 'unchanged', origin: 'extracted' };
      } else {
        const { doc, annotation } = await prepareInput(input, context);
        if (options.dryRun) {
          options.dryRun(annotation, doc.file);
          outcome = { file: doc.file, status: 'checked', origin: annotation.origin };
        } else {
          outcome = await loadArticle(db, doc, annotation);
        }
      }
    } catch (error) {
      outcome = { file: basename(input.articlePath), status: 'failed', error: describe(error) };
    }
    outcomes.push(outcome);
    if (bar) bar.tick(outcome.file);
    else
      options.progress.info(
        `${outcome.status.padEnd(9)} ${outcome.file}${outcome.error ? `\n  ${outcome.error}` : ''}`,
      );
  }
  const totals: IngestSummary['totals'] = {
    articles: { created: 0, updated: 0, unchanged: 0, checked: 0, failed: 0 },
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
  };
  for (const o of outcomes) {
    totals.articles[o.status] += 1;
    if (o.counts) {
      for (const k of [
        'nodesCreated',
        'nodesDeleted',
        'relationshipsCreated',
        'relationshipsDeleted',
        'propertiesSet',
      ] as const) {
        totals[k] += o.counts[k];
      }
    }
  }
  return { outcomes, totals, elapsedMs: Date.now() - started };
}

export { formatPath };
