import type { AnnotationInput } from '../annotation/format';
import type { ArticleDocument } from '../article/read';
import type { Gazetteer } from './gazetteer';
import { extractAnnotation } from './index';

/** An extractor: an article and what is known already, to an annotation of origin "extracted". */
export type Extractor = (doc: ArticleDocument, gazetteer: Gazetteer) => AnnotationInput | Promise<AnnotationInput>;

/**
 * The extractors the evaluation can run, by the name `--extractor=` takes. `rules` is the offline,
 * JVM-free rule extractor over compromise (ingest/extract/index.ts).
 */
export const EXTRACTORS = {
  rules: (doc: ArticleDocument, gazetteer: Gazetteer) => extractAnnotation(doc, gazetteer),
} satisfies Record<string, Extractor>;

export type ExtractorName = keyof typeof EXTRACTORS;

/** Whether a string names an extractor. */
export function isExtractorName(name: string): name is ExtractorName {
  return Object.hasOwn(EXTRACTORS, name);
}
