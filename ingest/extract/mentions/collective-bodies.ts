/** Bodies named after a place by a plural noun: "Houston police", "California lawmakers". */

import type { ArticleContext } from '../context';
import { COLLECTIVE_BODIES } from '../lexicon';
import type { Token } from '../tokens';
import { makeMention, type Mention, onlySpaceBetween } from './mention';

/**
 * Plural nouns that make a body of a place: "Houston police" is the Houston Police Department,
 * "California lawmakers" the California Legislature, and "the Baltimore and Albuquerque police
 * departments" two departments.
 */
export function collectiveBodies(ctx: ArticleContext, sentence: number, tokens: Token[], found: Mention[]): Mention[] {
  const bodies: Mention[] = [];
  for (const m of found) {
    const isPlace = m.kind === 'jurisdiction' && m.name !== 'Sanctuary jurisdictions';
    // "the Trump administration", "the Donald Trump administration", "President Trump’s administration": a
    // president's administration is named by the surname alone, as the curated files name it.
    if (m.kind === 'person') {
      const after = /^(?:[’']s)?\s+administration\b/.exec(ctx.text.slice(m.end, m.end + 24));
      const surname = m.name.split(/\s+/).pop() ?? m.name;
      if (after && /^\p{Lu}/u.test(surname))
        bodies.push(
          makeMention(
            ctx,
            sentence,
            m.start,
            m.end + after[0].length,
            `${surname} administration`,
            'agency',
            undefined,
            0.8,
          ),
        );
      continue;
    }
    if (!isPlace && m.kind !== 'agency') continue;
    const k = tokens.findIndex((t) => t.start >= m.end);
    const next = tokens[k];
    if (!next || !onlySpaceBetween(ctx.text, tokens[k - 1], next) || next.capitalized) continue;
    const two = `${next.lower} ${tokens[k + 1]?.lower ?? ''}`;
    const [noun, end] = COLLECTIVE_BODIES.has(two) ? [two, tokens[k + 1]?.end ?? next.end] : [next.lower, next.end];
    const suffix = COLLECTIVE_BODIES.get(noun);
    if (!suffix || (!isPlace && suffix !== 'field office')) continue;
    const places = isPlace ? coordinatedPlaces(ctx, found, m) : [m];
    for (const place of places) {
      const body = makeMention(ctx, sentence, place.start, end, `${place.name} ${suffix}`, 'agency', undefined, 0.75);
      bodies.push(body);
    }
  }
  return bodies;
}

/** The place and the places coordinated before it: "Baltimore and Albuquerque" for "Albuquerque police". */
function coordinatedPlaces(ctx: ArticleContext, found: Mention[], last: Mention): Mention[] {
  const places = [last];
  let current = last;
  for (;;) {
    const before = found.find(
      (m) =>
        m.kind === 'jurisdiction' &&
        m.end < current.start &&
        /^\s*(,|and|, and)\s*$/.test(ctx.text.slice(m.end, current.start)),
    );
    if (!before) return places;
    places.unshift(before);
    current = before;
  }
}
