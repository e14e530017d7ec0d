import nlp from 'compromise';

/** Part-of-speech and name tags of each word, keyed by the word's start offset in the text. */
export type WordTags = ReadonlyMap<number, ReadonlySet<string>>;

interface CompromiseTerm {
  tags?: string[];
  offset?: { start: number };
}
interface CompromiseSentence {
  terms?: CompromiseTerm[];
}

/**
 * Tags every word with compromise's lexicon and rules (Person, FirstName, Place, Verb, ...).
 * compromise carries its own lexicon, so this runs offline; it is the slowest step, so it runs
 * once per article.
 */
export function tagWords(text: string): WordTags {
  const tags = new Map<number, Set<string>>();
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
  for (const sentence of sentences) {
    for (const term of sentence.terms ?? []) {
      if (term.offset) tags.set(term.offset.start, new Set(term.tags ?? []));
    }
  }
  return tags;
}

/** Whether the word starting at `start` carries any of `names`. */
export function hasTag(tags: WordTags, start: number, ...names: string[]): boolean {
  const set = tags.get(start);
  return set !== undefined && names.some((n) => set.has(n));
}

const COMMON_TAGS = [
  'Adjective',
  'Verb',
  'Adverb',
  'Gerund',
  'Uncountable',
  'Preposition',
  'Conjunction',
  'Determiner',
];
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'Place', 'Organization', 'ProperNoun'];
const commonWords = new Map<string, boolean>();

/**
 * Whether a lowercase word is a known common word of English (an adjective, a verb, a mass noun...) by
 * compromise's lexicon, and no name: "sad", "update", "enhancing", "safety" — but not "tulante", which
 * compromise only guesses to be a noun, nor "dave". Capitalized words made only of these name no one.
 */
export function isCommonWord(lower: string): boolean {
  const known = commonWords.get(lower);
  if (known !== undefined) return known;
  const sentences = nlp(lower).json() as CompromiseSentence[];
  const terms = sentences.flatMap((s) => s.terms ?? []);
  const tags = new Set(terms.length === 1 ? (terms[0]?.tags ?? []) : []);
  const common = COMMON_TAGS.some((t) => tags.has(t)) && !NAME_TAGS.some((t) => tags.has(t));
  commonWords.set(lower, common);
  return common;
}
