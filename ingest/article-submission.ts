/**
 * One article sent as text rather than read from a file (the API's ingestArticle): read as the CLI reads a
 * file, annotated from the YAML sent with it or extracted, checked, and written in one transaction.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Database } from '../src/core/database';
import { type Annotation, ArticleMetaSchema } from './annotation/format';
import { type ArticleDocument, type ArticleMeta, articleFromBytes } from './article/read';
import { IngestInputError } from './errors';
import type { Extractor } from './extract/extractor';
import { loadGazetteer } from './gazetteer-source';
import { planArticle } from './graph-plan';
import { loadArticle } from './load-articles';
import { checkedAnnotation, extractAnnotation, rawArticleUnchanged } from './prepare-input';
import { noWrites, type WriteCounts } from './write-plan';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
const META_FIELDS = ['title', 'url', 'published', 'author', 'source'] as const;

/** An article as text, its file name, its annotation's YAML (curated) or none (extracted), and metadata. */
export interface ArticleText {
  fileName: string;
  content: string;
  annotation?: string | null;
  /** Metadata that wins over what the article's text and its annotation say. */
  meta?: Partial<Record<keyof ArticleMeta, string | null>>;
}

/** What was written: the CLI's outcome of one article, what its annotation names, and the graph's counts. */
export interface SubmittedOutcome {
  id: string;
  file: string;
  status: 'created' | 'updated' | 'unchanged';
  origin: 'curated' | 'extracted';
  entities: number;
  facts: number;
  counts: WriteCounts;
}

/** The file name, checked: a bare name (no folders) with an extension the article reader knows. */
function checkedFileName(fileName: string): string {
  const name = fileName.trim();
  if (name.length === 0 || basename(name) !== name || name.startsWith('.'))
    throw new IngestInputError(
      fileName || '(no name)',
      'must be a file name without folders, e.g. article.md',
      'fileName',
    );
  if (!ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()))
    throw new IngestInputError(
      name,
      `must end in ${[...ARTICLE_EXTENSIONS].join(', ')}: it gives the format`,
      'fileName',
    );
  return name;
}

/** The metadata given, each field checked as the annotation format checks it; empty values are left out. */
function checkedMeta(file: string, meta: ArticleText['meta']): ArticleMeta {
  const out: ArticleMeta = {};
  for (const field of META_FIELDS) {
    const value = meta?.[field]?.trim();
    if (!value) continue;
    const schema = ArticleMetaSchema.shape[field];
    const result = schema.safeParse(value);
    if (!result.success) throw new IngestInputError(file, result.error.issues[0]?.message ?? 'is invalid', field);
    out[field] = value;
  }
  return out;
}

/**
 * The document with the given metadata over what its text says. Its content hash covers the metadata too, so
 * that sending the same text with a new title is a change, not "unchanged".
 */
function withMeta(doc: ArticleDocument, meta: ArticleMeta): ArticleDocument {
  if (Object.keys(meta).length === 0) return doc;
  const contentHash = createHash('sha256').update(doc.contentHash).update(JSON.stringify(meta)).digest('hex');
  return { ...doc, meta: { ...doc.meta, ...meta }, contentHash };
}

/** The curated annotation sent with the article, checked against it and naming it, with the metadata over it. */
function curated(doc: ArticleDocument, source: string, meta: ArticleMeta): Annotation {
  const annotationFile = `${basename(doc.file, extname(doc.file))}.yaml`;
  const annotation = checkedAnnotation(doc, source, annotationFile);
  if (annotation.article.file !== doc.file) {
    throw new IngestInputError(
      annotationFile,
      `article.file is "${annotation.article.file}", but the article was sent as "${doc.file}"`,
      'article.file',
    );
  }
  return { ...annotation, article: { ...annotation.article, ...meta } };
}

function factCount(annotation: Annotation, doc: ArticleDocument): { entities: number; facts: number } {
  const plan = planArticle(annotation, doc);
  const entities = Object.values(plan.entities).reduce((n, rows) => n + rows.length, 0) + plan.events.length;
  const facts = Object.values(plan.facts).reduce((n, rows) => n + rows.length, 0);
  return { entities, facts };
}

/**
 * Ingests one article sent as text: curated when an annotation comes with it, else read by `extractor` (the
 * rules by default) against the graph's gazetteer. Throws IngestInputError, naming the file, place and
 * problem, before anything is written; the write itself is one transaction (loadArticle).
 */
export async function ingestArticleText(
  db: Database,
  input: ArticleText,
  options: { extractor?: Extractor } = {},
): Promise<SubmittedOutcome> {
  const file = checkedFileName(input.fileName);
  const meta = checkedMeta(file, input.meta);
  const doc = withMeta(articleFromBytes(file, file, Buffer.from(input.content, 'utf8')), meta);
  let annotation: Annotation;
  if (input.annotation !== undefined && input.annotation !== null) {
    annotation = curated(doc, input.annotation, meta);
  } else {
    // As in the CLI: a raw article already in the graph with this content is not extracted again.
    if (await rawArticleUnchanged(db, doc, { articlePath: file, annotationPath: null })) {
      const id = basename(file, extname(file));
      return { id, file, status: 'unchanged', origin: 'extracted', entities: 0, facts: 0, counts: noWrites() };
    }
    annotation = await extractAnnotation(doc, { gazetteer: () => loadGazetteer(db), extractor: options.extractor });
  }
  const outcome = await loadArticle(db, doc, annotation);
  if (outcome.status !== 'created' && outcome.status !== 'updated' && outcome.status !== 'unchanged')
    throw new Error(`loadArticle answered ${outcome.status} for ${file}`);
  return {
    id: outcome.articleId ?? basename(file, extname(file)),
    file,
    status: outcome.status,
    origin: annotation.origin,
    ...factCount(annotation, doc),
    counts: outcome.counts ?? noWrites(),
  };
}
