/** Bills named by their number: "SB 4", "SB4", "H.B. 2", "Senate Bill 54", "H.R. 3003". */

import type { ArticleContext } from '../context';
import type { Token } from '../tokens';
import { makeMention, type Mention } from './mention';

const BILL =
  /\b(?:(S|H|A)\.?\s?B\.?|(H)\.?\s?R\.?|(Senate|House|Assembly)\s+Bill|(S|H|A)\.?\s?F\.?)\s?(\d{1,5})\b(?!\s*(?:%|percent|million|billion))/g;
const CHAMBER: Readonly<Record<string, string>> = {
  S: 'SB',
  H: 'HB',
  A: 'AB',
  Senate: 'SB',
  House: 'HB',
  Assembly: 'AB',
};

/** Ballot measures named by their number: "Proposition 205", "Prop. 205", "Measure 105", "Question 4". */
const BALLOT_MEASURE =
  /\b(Proposition|Prop\.|Measure|Question|Initiative)\s(\d{1,4}[A-Z]?)\b(?!\s*(?:%|percent|million|billion))/g;

/**
 * A bill's number is its name, however it is spelled: every spelling gets the name "SB 4" (the spelling in
 * the text becomes an alias), so that "SB4", "SB 4" and "Senate Bill 4" are one program, never an
 * acronym of some body ("SB") and a number.
 */
export function billMentions(ctx: ArticleContext, sentence: number, tokens: Token[], covered: Set<number>): Mention[] {
  const s = ctx.sentences[sentence];
  if (!s) return [];
  const found: Mention[] = [];
  for (const m of s.text.matchAll(BILL)) {
    const start = s.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (tokens.some((t, i) => covered.has(i) && t.start < end && t.end > start)) continue;
    const chamber = m[2] ? 'HR' : (CHAMBER[m[1] ?? m[3] ?? m[4] ?? ''] ?? 'SB');
    found.push(makeMention(ctx, sentence, start, end, `${chamber} ${m[5]}`, 'program', 'bill', 0.85));
    tokens.forEach((t, i) => t.start < end && t.end > start && covered.add(i));
  }
  // A ballot measure is a bill the voters pass: "Prop. 205" and "Proposition 205" are one program.
  for (const m of s.text.matchAll(BALLOT_MEASURE)) {
    const start = s.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (tokens.some((t, i) => covered.has(i) && t.start < end && t.end > start)) continue;
    const kind = m[1] === 'Prop.' ? 'Proposition' : (m[1] ?? 'Measure');
    found.push(makeMention(ctx, sentence, start, end, `${kind} ${m[2]}`, 'program', 'bill', 0.8));
    tokens.forEach((t, i) => t.start < end && t.end > start && covered.add(i));
  }
  return found;
}
