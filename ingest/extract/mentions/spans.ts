/** Candidate spans: runs of capitalized words that may be names, trimmed of sentence starters. */

import type { ArticleContext } from '../context';
import {
  CALENDAR_WORDS,
  DEMONYMS,
  DETERMINERS,
  FUNCTION_TAGS,
  HEAD_CUES,
  HONORIFICS,
  NAME_MONTHS,
  NOT_NAMES,
  PARTICLES,
} from '../lexicon';
import type { Token } from '../tokens';
import { hasTag } from '../word-tags';
import { onlySpaceBetween } from './mention';
import { PLACES } from './places';
import { startsTitle } from './titles';

const CALENDAR = new Set<string>(CALENDAR_WORDS.filter((w) => !NAME_MONTHS.has(w)));
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

/** Words inside e-mail addresses and web addresses are never names. */
function inAddress(text: string, token: Token): boolean {
  let s = token.start;
  let e = token.end;
  while (s > 0 && !/\s/.test(text[s - 1] ?? ' ')) s--;
  while (e < text.length && !/\s/.test(text[e] ?? ' ')) e++;
  return /@|www\.|https?:|\.(com|org|net|gov)\b/i.test(text.slice(s, e));
}

/**
 * Runs of capitalized words, with the lowercase words that occur inside names: particles
 * ("de Blasio"), "of"/"for" after a head noun ("Department of Justice"), "and" (kept only if
 * the run ends in a head noun: "Immigration and Customs Enforcement"), "the" between capitals.
 */
export function capitalizedSpans(
  ctx: ArticleContext,
  sentence: number,
  tokens: Token[],
  covered: Set<number>,
): Token[][] {
  const spans: Token[][] = [];
  let i = 0;
  const usable = (k: number): boolean => {
    const t = tokens[k];
    return t !== undefined && !covered.has(k) && !inAddress(ctx.text, t);
  };
  while (i < tokens.length) {
    const t = tokens[i];
    const startsName =
      t !== undefined &&
      usable(i) &&
      (t.capitalized || (PARTICLES.has(t.lower) && tokens[i + 1]?.capitalized === true));
    if (!startsName) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && usable(j) && onlySpaceBetween(ctx.text, tokens[j - 1], tokens[j] as Token)) {
      const next = tokens[j] as Token;
      const prev = tokens[j - 1] as Token;
      const after = tokens[j + 1];
      // "Sacramento Wednesday": a weekday or a month ends a name.
      if (CALENDAR.has(next.lower)) break;
      if (next.capitalized && !tokens[j - 1]?.possessive) {
        j++;
        continue;
      }
      // "U.S. 5th Circuit Court of Appeals": an ordinal inside a name.
      if (ORDINAL.test(next.text) && after?.capitalized === true && usable(j + 1)) {
        j += 2;
        continue;
      }
      const afterCapitalized =
        after !== undefined && after.capitalized && usable(j + 1) && onlySpaceBetween(ctx.text, next, after);
      const joins =
        afterCapitalized &&
        (PARTICLES.has(next.lower) ||
          ((next.lower === 'of' || next.lower === 'for') && HEAD_CUES.has(prev.lower)) ||
          next.lower === 'and' ||
          (next.lower === 'the' && j - i >= 1 && !HEAD_CUES.has(prev.lower)));
      if (!joins) break;
      j += 2;
    }
    spans.push(...splitAtAnd(tokens.slice(i, j)));
    i = j;
  }
  return spans.map((span) => trimSpan(ctx, sentence, span)).filter((span) => span.length > 0);
}

/** "Baltimore and Albuquerque" are two names; "Immigration and Customs Enforcement" is one. */
function splitAtAnd(span: Token[]): Token[][] {
  const and = span.findIndex((t) => t.lower === 'and');
  if (and < 0) return [span];
  const last = span[span.length - 1];
  const cue = last ? HEAD_CUES.get(last.lower) : undefined;
  if (
    cue &&
    (cue.kind === 'agency' || cue.kind === 'organization') &&
    !PLACES.has(
      span
        .slice(0, and)
        .map((t) => t.text)
        .join(' '),
    )
  )
    return [span];
  return [span.slice(0, and), ...splitAtAnd(span.slice(and + 1))];
}

/**
 * Drops sentence starters and other capitalized non-names from the front of a span, and
 * connectors from its end. A sentence's first word is capitalized anyway: it is dropped when
 * compromise reads it as a function word. A lone noun ("Staff members") is kept as a possible
 * surname, which resolution drops unless it refers back to someone or is a speaker.
 */
function trimSpan(ctx: ArticleContext, sentence: number, span: Token[]): Token[] {
  const firstOfSentence = ctx.tokens[sentence]?.[0];
  let s = 0;
  let e = span.length;
  const endsInCue = HEAD_CUES.has(span[e - 1]?.lower ?? '');
  while (s < e) {
    const t = span[s] as Token;
    if (startsTitle(span, s)) break;
    // A name that ends in a head noun keeps its inner words ("Immigration and Customs Enforcement"), not its article.
    const keptBeforeCue = endsInCue && e - s > 1 && !DETERMINERS.has(t.lower);
    const listed = !keptBeforeCue && (NOT_NAMES.has(t.lower) || HONORIFICS.has(t.lower) || DEMONYMS.has(t.lower));
    const initial =
      t === firstOfSentence &&
      !PLACES.has(t.text) &&
      !t.acronym &&
      !hasTag(ctx.tags, t.start, 'ProperNoun', 'Person', 'Place', 'Organization') &&
      hasTag(ctx.tags, t.start, ...FUNCTION_TAGS);
    if ((listed || initial) && !keptBeforeCue) s++;
    else break;
  }
  while (e > s && ['of', 'for', 'and', 'the'].includes(span[e - 1]?.lower ?? '')) e--;
  return span.slice(s, e);
}
