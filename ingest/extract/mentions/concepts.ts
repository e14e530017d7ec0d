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
      const phrase = m[0].replace(/\s+$/, '');
      if (re === DESCRIBED_GRANTS && !/^federal\b/i.test(phrase)) continue;
      const start = s.start + (m.index ?? 0);
      const end = start + phrase.length;
      if (tokens.some((t, i) => covered.has(i) && t.start >= start && t.end <= start + 30)) continue;
      const head = (m[1] ?? 'grants').toLowerCase().replace(/\s+/g, ' ');
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
