/** Preparing one input: the article read once, its annotation read (or extracted), and both checked together. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../src/core/database';
import { namedQuery } from '../src/core/named-queries';
import { type Annotation, AnnotationSchema } from './annotation/format';
import { checkAnnotation } from './annotation/check';
import { readAnnotation } from './annotation/read';
import { type ArticleDocument, readArticleFile } from './article/read';
import { IngestInputError } from './errors';
import type { Gazetteer } from './extract';
import { type Extractor, rulesExtractor } from './extract/extractor';
import type { IngestInput } from './resolve-inputs';

/**
 * What preparing an input needs besides the input: the gazetteer, built once, when a raw article needs it, and
 * the extractor of raw articles (the rules unless said otherwise).
 */
export interface PrepareContext {
  gazetteer: () => Promise<Gazetteer>;
  extractor?: Extractor;
}

/** An article read and checked, with the annotation that describes it. */
export interface PreparedArticle {
  doc: ArticleDocument;
  annotation: Annotation;
}

/** Reads, parses (or extracts) and checks one input; throws IngestInputError with the file, place and problem. */
export async function prepareInput(input: IngestInput, context: PrepareContext): Promise<PreparedArticle> {
  return prepareDocument(await readArticleFile(input.articlePath), input, context);
}

/** prepareInput for an article already read: its annotation read or extracted, and checked against its text. */
export async function prepareDocument(
  doc: ArticleDocument,
  input: IngestInput,
  context: PrepareContext,
): Promise<PreparedArticle> {
  if (!input.annotationPath) return { doc, annotation: await extractAnnotation(doc, context) };
  const annotationFile = basename(input.annotationPath);
  const source = await readFile(input.annotationPath, 'utf8');
  return { doc, annotation: checkedAnnotation(doc, source, annotationFile) };
}

/** Reads an extracted annotation of a raw article with the context's extractor, and checks it against its text. */
export async function extractAnnotation(doc: ArticleDocument, context: PrepareContext): Promise<Annotation> {
  // The extractor writes the same annotation a curator would, marked origin: extracted.
  const extractor = context.extractor ?? rulesExtractor;
  const extracted = AnnotationSchema.parse(await extractor.extract(doc, await context.gazetteer()));
  const problems = checkAnnotation(extracted, doc.text);
  if (problems.length > 0) {
    throw new IngestInputError(doc.file, `extraction produced an invalid annotation: ${problems[0]!.message}`);
  }
  return extracted;
}

/**
 * Parses a curated annotation's YAML and checks it against the article's text; throws IngestInputError naming
 * `annotationFile`, the line and path of each problem, and what is wrong.
 */
export function checkedAnnotation(doc: ArticleDocument, source: string, annotationFile: string): Annotation {
  const { annotation, where } = readAnnotation(source, annotationFile);
  const problems = checkAnnotation(annotation, doc.text);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${where(p.path)}: ${p.message}`);
    throw new IngestInputError(
      annotationFile,
      problems.length === 1 ? lines[0]! : `${problems.length} problems:\n  - ${lines.join('\n  - ')}`,
      undefined,
      problems.map((p) => ({ where: where(p.path), problem: p.message })),
    );
  }
  return annotation;
}

/**
 * True when a raw article is in the graph already with the same content: its extraction is not run again,
 * because the gazetteer now holds the article's own entities and could resolve them differently.
 */
export async function rawArticleUnchanged(db: Database, doc: ArticleDocument, input: IngestInput): Promise<boolean> {
  if (input.annotationPath) return false;
  const rows = await db.read<{ same: boolean }>(namedQuery('ingest/raw-article-unchanged'), {
    file: doc.file,
    hash: doc.contentHash,
  });
  return rows[0]?.same === true;
}
