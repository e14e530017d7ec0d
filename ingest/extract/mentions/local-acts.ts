/**
 * Local acts named only by their kind: "voted to approve a resolution", "the ordinance", "its contract with
 * ICE". A story about a council or a sheriff is usually about one such act, and what people support or oppose
 * is that act; without an entity for it the stances have nothing to point at. The act is the place's: the
 * place named before it in the sentence, else the place the article has named most so far.
 */

import type { ArticleContext } from '../context';
import type { Token } from '../tokens';
import { makeMention, type Mention } from './mention';

/** The kinds of local act whose bare noun names the article's act; bills and laws have numbers or names. */
const LOCAL_ACT =
  /\b(?:an?|the|its|their|this|that|new)\s+(?:(?:new|proposed|nonbinding|non-binding|symbolic|draft|revised|amended|city|county|council|sanctuary)\s+){0,2}(resolution|ordinance|petition|contract|directive)\b(?![-\p{L}])/giu;
/**
 * A body's own policy: "the department’s new policy", "its policy", "a new policy". A bare "the policy" only
 * refers back to one of these; "sanctuary policy" is the debate's concept, found before.
 */
const OWN_POLICY =
  /\b(?:its|their|an?\s+new|the\s+new|the\s+(?:department|county|city|sheriff|office|agency|council|board|state|jail|police)[’']s(?:\s+new)?)\s+(?:own\s+|current\s+)?(policy)\b(?![-\p{L}])/giu;
const POLICY_AGAIN = /\b(?:the|this|that)\s+(policy)\b(?![-\p{L}])/giu;
const ACT_TYPES: Readonly<Record<string, string>> = {
  resolution: 'resolution',
  ordinance: 'law',
  petition: 'policy',
  contract: 'partnership',
  directive: 'policy',
  policy: 'policy',
};
const NOT_A_PLACE = new Set(['Sanctuary jurisdictions', 'United States']);

/** A local body's place is the start of its name: "Ann Arbor City Council", "Corlen County Board of Supervisors". */
const BODY_OF_PLACE =
  /^(.+? County)\b|^(.+?)\s+(?:City|Town|Village)\s+(?:Council|Board|Commission)\b|^(.+?)\s+(?:Board|Council|Commission|Sheriff|Police)\b/;

const GENERIC_PLACE = /^(?:City|County|Town|Village|Metro|State|Common)$/;

/** The place a mention names, itself or as the start of a local body's name. */
function placeName(m: Mention): string | undefined {
  if (m.kind === 'jurisdiction') return NOT_A_PLACE.has(m.name) || m.type === 'country' ? undefined : m.name;
  if (m.kind !== 'agency') return undefined;
  const b = BODY_OF_PLACE.exec(m.name);
  const place = b ? (b[1] ?? b[2] ?? b[3]) : undefined;
  // "City Council" unqualified names no place.
  return place && !GENERIC_PLACE.test(place) ? place : undefined;
}

/**
 * Mentions of the local acts a sentence names by their kind. `before` are the article's mentions of the
 * sentences before, `found` this sentence's so far: an act already named (a described or numbered one with
 * the same noun) keeps its name, so that every later "the resolution" is that one.
 */
export function localActs(
  ctx: ArticleContext,
  sentence: number,
  tokens: Token[],
  covered: Set<number>,
  before: readonly Mention[],
  found: readonly Mention[],
): Mention[] {
  const s = ctx.sentences[sentence];
  if (!s || sentence < ctx.firstBodySentence || sentence === ctx.titleSentence) return [];
  const acts: Mention[] = [];
  const matches = [
    ...[...s.text.matchAll(LOCAL_ACT), ...s.text.matchAll(OWN_POLICY)].map((m) => ({ m, creates: true })),
    ...[...s.text.matchAll(POLICY_AGAIN)].map((m) => ({ m, creates: false })),
  ].sort((a, b) => (a.m.index ?? 0) - (b.m.index ?? 0));
  for (const { m, creates } of matches) {
    const head = (m[1] ?? '').toLowerCase();
    const start = s.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (tokens.some((t, i) => covered.has(i) && t.start < end && t.end > start)) continue;
    if ([...found, ...acts].some((f) => f.start < end && start < f.end)) continue;
    // "a contract known as “287(g)”", "the ordinance, SB 4": the act has its name right after.
    if (found.some((f) => f.kind === 'program' && f.start >= end && f.start - end <= 30)) continue;
    const named = [...before, ...found, ...acts]
      .filter((p) => p.kind === 'program' && new RegExp(`\\b${head}\\b`, 'i').test(p.name))
      .pop();
    if (!named && !creates) continue;
    const place = named ? undefined : placeOf(start, before, found);
    const name = named?.name ?? (place ? `${place} ${head}` : undefined);
    if (!name) continue;
    acts.push(makeMention(ctx, sentence, start, end, name, 'program', named?.type ?? ACT_TYPES[head], 0.55));
  }
  return acts;
}

/** The place an act belongs to: the last named before it in its sentence, else the article's most named so far. */
function placeOf(start: number, before: readonly Mention[], found: readonly Mention[]): string | undefined {
  const inSentence = found
    .filter((m) => m.end <= start && placeName(m) !== undefined)
    .sort((a, b) => a.start - b.start)
    .pop();
  if (inSentence) return placeName(inSentence);
  const counts = new Map<string, number>();
  for (const m of before) {
    const place = placeName(m);
    if (place) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n >= (counts.get(best) ?? 0)) best = name;
  return best;
}
