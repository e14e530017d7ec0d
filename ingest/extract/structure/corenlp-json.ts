/**
 * The part of CoreNLP's JSON output (annotators tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp)
 * that the structure extractor reads, validated with zod: anything else in the JSON is dropped.
 * Token indexes are 1-based within a sentence, as CoreNLP writes them; sentence indexes 0-based
 * in `sentences`, 1-based in coreference mentions (`sentNum`).
 */
import { z } from 'zod';

const TokenSchema = z.object({
  index: z.number().int(),
  word: z.string(),
  originalText: z.string(),
  lemma: z.string(),
  characterOffsetBegin: z.number().int(),
  characterOffsetEnd: z.number().int(),
  pos: z.string(),
  ner: z.string(),
});

const DependencySchema = z.object({
  dep: z.string(),
  governor: z.number().int(),
  dependent: z.number().int(),
});

const EntityMentionSchema = z.object({
  tokenBegin: z.number().int(),
  tokenEnd: z.number().int(),
  text: z.string(),
  characterOffsetBegin: z.number().int(),
  characterOffsetEnd: z.number().int(),
  ner: z.string(),
});

const KbpSchema = z.object({
  subject: z.string(),
  subjectSpan: z.tuple([z.number().int(), z.number().int()]),
  relation: z.string(),
  object: z.string(),
  objectSpan: z.tuple([z.number().int(), z.number().int()]),
});

const SentenceSchema = z.object({
  index: z.number().int(),
  tokens: z.array(TokenSchema),
  entitymentions: z.array(EntityMentionSchema).default([]),
  basicDependencies: z.array(DependencySchema).default([]),
  enhancedPlusPlusDependencies: z.array(DependencySchema).default([]),
  kbp: z.array(KbpSchema).default([]),
});

const CorefMentionSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  type: z.string(),
  number: z.string(),
  gender: z.string(),
  animacy: z.string(),
  startIndex: z.number().int(),
  endIndex: z.number().int(),
  headIndex: z.number().int(),
  sentNum: z.number().int(),
  isRepresentativeMention: z.boolean(),
});

export const CoreNlpDocumentSchema = z.object({
  sentences: z.array(SentenceSchema),
  corefs: z.record(z.string(), z.array(CorefMentionSchema)).default({}),
});

export type CoreNlpDocument = z.infer<typeof CoreNlpDocumentSchema>;
export type CoreSentence = z.infer<typeof SentenceSchema>;
export type CoreToken = z.infer<typeof TokenSchema>;
export type CoreDependency = z.infer<typeof DependencySchema>;
export type CoreEntityMention = z.infer<typeof EntityMentionSchema>;
export type CoreKbp = z.infer<typeof KbpSchema>;
export type CoreCorefMention = z.infer<typeof CorefMentionSchema>;

/** Thrown when a parse does not belong to the text it is applied to. */
export class ParseMismatchError extends Error {}

/**
 * Validates CoreNLP JSON and checks that it was made from `text`: every token's character offsets
 * must cut out its original text (CoreNLP counts UTF-16 units, as JavaScript does).
 */
export function readCoreNlpJson(parse: unknown, text: string): CoreNlpDocument {
  const doc = CoreNlpDocumentSchema.parse(parse);
  let bad = 0;
  let total = 0;
  let example = '';
  for (const sentence of doc.sentences) {
    for (const token of sentence.tokens) {
      total++;
      const slice = text.slice(token.characterOffsetBegin, token.characterOffsetEnd);
      if (slice !== token.originalText) {
        bad++;
        example ||= `token "${token.originalText}" at ${token.characterOffsetBegin} reads "${slice}"`;
      }
    }
  }
  if (bad > 0)
    throw new ParseMismatchError(
      `the parse was not made from this text: ${bad} of ${total} tokens differ (${example})`,
    );
  return doc;
}
