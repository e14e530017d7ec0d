/**
 * The annotation the project asks CoreNLP for: tokens, sentences, parts of speech, lemmas, fine-grained named
 * entities, a dependency parse, statistical coreference and KBP relations, as JSON.
 */
export const ANNOTATE_PROPERTIES: Readonly<Record<string, string>> = Object.freeze({
  annotators: 'tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp',
  outputFormat: 'json',
  'coref.algorithm': 'statistical',
  'ner.applyFineGrained': 'true',
  // News text puts headlines, captions, credits and bylines on lines of their own, without a full stop:
  // a line break ends a sentence, or a name runs into the next line's words and verbs get wrong subjects.
  'ssplit.newlineIsSentenceBreak': 'always',
});

/** The query string that carries properties: CoreNLP refuses raw JSON there (400, URISyntaxException). */
export function propertiesQuery(properties: Readonly<Record<string, string>>): string {
  return `properties=${encodeURIComponent(JSON.stringify(properties))}`;
}
