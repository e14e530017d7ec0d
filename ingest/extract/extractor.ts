/**
 * An extractor turns a raw article into the annotation a curator would write. Two exist: the offline rules
 * (extractAnnotation) and Stanford CoreNLP, whose parse an interpreter turns into the same annotation.
 */
import type { AnnotationInput } from '../annotation/format';
import type { ArticleDocument } from '../article/read';
import type { Gazetteer } from './gazetteer';
import { extractAnnotation } from './index';
import { applyModel, type ExtractionModel } from './model/model';

/** Reads one article against the gazetteer of known entities and events. */
export interface Extractor {
  readonly name: string;
  extract(doc: ArticleDocument, gazetteer: Gazetteer): Promise<AnnotationInput>;
}

/** Anything that turns a text into CoreNLP's JSON (src/nlp's client; the pipeline does not depend on it). */
export interface ParseSource {
  annotate(text: string): Promise<unknown>;
}

/** Turns CoreNLP's JSON for doc.text into an annotation (ingest/extract/structure/ writes the real one). */
export type ParseInterpreter = (doc: ArticleDocument, gazetteer: Gazetteer, parse: unknown) => AnnotationInput;

/** The rule-based extractor over compromise, offline. */
export const rulesExtractor: Extractor = {
  name: 'rules',
  extract: (doc, gazetteer) => Promise.resolve(extractAnnotation(doc, gazetteer)),
};

/** The CoreNLP extractor: annotates doc.text (offsets are doc.text's) and interprets the parse. */
export function coreNlpExtractor(source: ParseSource, interpret: ParseInterpreter): Extractor {
  return {
    name: 'corenlp',
    extract: async (doc, gazetteer) => interpret(doc, gazetteer, await source.annotate(doc.text)),
  };
}

/** The extractor followed by the trained model, which adds the stances and events it reads (same name). */
export function withModel(extractor: Extractor, model: ExtractionModel): Extractor {
  return {
    name: extractor.name,
    extract: async (doc, gazetteer) => applyModel(doc.text, await extractor.extract(doc, gazetteer), model),
  };
}
