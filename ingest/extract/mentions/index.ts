/** The mention finder: every rule run over each sentence, in the order that lets later rules see earlier finds. */

import type { ArticleContext } from '../context';
import { creditRanges, inRanges } from '../credits';
import { billMentions } from './bills';
import { collectiveBodies } from './collective-bodies';
import { parseSpan } from './classify';
import { describedPrograms, matchConcepts } from './concepts';
import { localActs } from './local-acts';
import { qualifyLocalBodies } from './local-bodies';
import type { Mention } from './mention';
import { matchPhrases, phraseTable } from './phrases';
import { capitalizedSpans } from './spans';
import { attachTitles } from './titles';

export type { Mention } from './mention';

/** Finds every mention of an entity in the article body (and people in the chrome above the headline). */
export function findMentions(ctx: ArticleContext): Mention[] {
  const phrases = phraseTable(ctx);
  const credits = creditRanges(ctx);
  const mentions: Mention[] = [];
  for (const sentence of ctx.sentences) {
    const tokens = ctx.tokens[sentence.index] ?? [];
    const isChrome = sentence.index < ctx.firstBodySentence;
    const found: Mention[] = [];
    const covered = new Set<number>();
    for (const m of matchPhrases(ctx, sentence.index, tokens, phrases)) {
      found.push(m);
      tokens.forEach((t, i) => t.start >= m.start && t.end <= m.end && covered.add(i));
    }
    for (const m of billMentions(ctx, sentence.index, tokens, covered)) found.push(m);
    for (const m of matchConcepts(ctx, sentence.index, tokens, covered)) found.push(m);
    for (const m of describedPrograms(ctx, sentence.index, tokens, covered)) found.push(m);
    if (sentence.index !== ctx.titleSentence) {
      for (const span of capitalizedSpans(ctx, sentence.index, tokens, covered))
        found.push(...parseSpan(ctx, sentence.index, span));
    }
    found.push(...collectiveBodies(ctx, sentence.index, tokens, found));
    found.push(...attachTitles(ctx, sentence.index, tokens, found));
    // Above the headline only a named person (the blog's author) is worth keeping.
    const kept = (
      isChrome ? found.filter((m) => m.kind === 'person' && !m.surnameOnly && m.confidence >= 0.85) : found
    ).filter((m) => !inRanges(credits, m.start, m.end));
    mentions.push(...kept.sort((a, b) => a.start - b.start));
  }
  qualifyLocalBodies(mentions);
  // Local acts take their place from the whole article's names, the bodies' now qualified.
  const acts: Mention[] = [];
  for (const sentence of ctx.sentences) {
    const tokens = ctx.tokens[sentence.index] ?? [];
    const here = mentions.filter((m) => m.sentence === sentence.index);
    const covered = new Set<number>();
    tokens.forEach((t, i) => here.some((m) => t.start >= m.start && t.end <= m.end) && covered.add(i));
    const before = mentions.filter((m) => m.sentence < sentence.index);
    acts.push(...localActs(ctx, sentence.index, tokens, covered, [...before, ...acts], here));
  }
  return [...mentions, ...acts].sort((a, b) => a.start - b.start);
}
