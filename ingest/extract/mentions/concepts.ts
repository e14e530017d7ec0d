/** Mentions of the subject's own concepts and of programs described rather than named. */

import type { ArticleContext } from '../context';
import { DESCRIBED_GRANTS, DESCRIBED_PROGRAM, DOMAIN_CONCEPTS, PROGRAM_TYPES } from '../lexicon';
import type { Token } from '../tokens';
import { makeMention, type Mention } from './mention';

/** The subject's collective nodes ("sanctuary cities", "sanctuary policies"), where no name covers them. */
export function matchConcepts(ctx: ArticleContext, sentence: number, tokens: Token[], covered: Set<number>): Mention[] {
  const s = ctx.sentences[sentence];
  if (!s) return [];
  const found: Mention[] = [];
  for (const concept of DOMAIN_CONCEPTS) {
    if ((concept.when && !concept.when.test(s.text)) || concept.unless?.test(s.text)) continue;
    concept.re.lastIndex = 0;
    for (const m of s.text.matchAll(concept.re)) {
      const start = s.start + (m.index ?? 0);
      const end = start + m[0].length;
      const overlaps = tokens.some((t, i) => covered.has(i) && t.start < end && t.end > start);
      if (overlaps || found.some((f) => f.start < end && f.end > start)) continue;
      found.push(makeMention(ctx, sentence, start, end, concept.name, concept.kind, concept.type, 0.7));
      tokens.forEach((t, i) => t.start >= start && t.end <= end && covered.add(i));
    }
  }
  return found;
}

/** A clause that follows a description is no longer the program's name: "... despite his objections". */
const CLAUSE_AFTER = /\s+(?:despite|because|after|before|when|while|but|and|as|since|until|if|unless|even)\b/;
const NAME_WORDS = 14;

/** A description cut where a new clause starts, and at a name's length. */
function shortPhrase(text: string): string {
  const cut = CLAUSE_AFTER.exec(text);
  const words = (cut ? text.slice(0, cut.index) : text).split(/(\s+)/);
  return words
    .slice(0, NAME_WORDS * 2 - 1)
    .join('')
    .replace(/\s+$/, '');
}

/** Programs named by what they do: "an executive order barring ...", "federal criminal-justice grants". */
export function describedPrograms(
  ctx: ArticleContext,
  sentence: number,
  tokens: Token[],
  covered: Set<number>,
): Mention[] {
  const s = ctx.sentences[sentence];
  if (!s || sentence < ctx.firstBodySentence) return [];
  const found: Mention[] = [];
  for (const re of [DESCRIBED_PROGRAM, DESCRIBED_GRANTS]) {
    for (const m of s.text.matchAll(re)) {
      const phrase = shortPhrase(m[0]);
      if (re === DESCRIBED_GRANTS && !/^federal\b/i.test(phrase)) continue;
      // Bare "federal grants" names no program (the guide's programs are named or described ones such as
      // "federal criminal-justice grants"); the generic phrase is federal money in general.
      if (re === DESCRIBED_GRANTS && /^federal\s+grants$/i.test(phrase)) continue;
      const described = re === DESCRIBED_PROGRAM;
      const modifiers = described ? (m[1] ?? '') : '';
      const headWord = described ? (m[2] ?? '') : 'grants';
      // "an Arkansas bill that would ...": the place named before the noun keeps its own mention; this one
      // starts at the noun, and the name keeps the place.
      const offset = modifiers ? m[0].indexOf(headWord, m[0].indexOf(modifiers) + modifiers.length - 1) : 0;
      const start = s.start + (m.index ?? 0) + offset;
      const end = s.start + (m.index ?? 0) + phrase.length;
      if (tokens.some((t, i) => covered.has(i) && t.start >= start && t.end <= start + 30)) continue;
      const head = headWord.toLowerCase().replace(/\s+/g, ' ');
      const name = phrase.replace(/^(?:an?|another|the)\s+/i, '');
      found.push(
        makeMention(
          ctx,
          sentence,
          start,
          end,
          name.charAt(0).toUpperCase() + name.slice(1),
          'program',
          PROGRAM_TYPES[head],
          0.55,
        ),
      );
    }
  }
  return found;
}
