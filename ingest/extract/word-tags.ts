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
