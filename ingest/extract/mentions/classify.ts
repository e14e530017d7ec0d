/** The kind decision: what a candidate span names (a place, an acronym, a body, a person), or nothing. */

import type { EntityKind } from '../../../src/core/vocabulary';
import type { ArticleContext } from '../context';
import {
  DEMONYMS,
  DESCRIBED_BY,
  HEAD_CUES,
  HONORIFICS,
  KNOWN_ACRONYMS,
  KNOWN_BODIES,
  NON_ENTITY_HEADS,
  NOT_NAMES,
  PARTICLES,
  TITLES,
} from '../lexicon';
import type { Token } from '../tokens';
import { hasTag, isCommonWord } from '../word-tags';
import { makeMention, type Mention } from './mention';
import { PLACES } from './places';
import { findTitle, trailingTitle } from './titles';

/**
 * Turns a span into mentions. A title inside it ("Houston Police Chief Art Acevedo") splits it
 * into the body before the title and the person after; the title itself is read by attachTitles.
 */
export function parseSpan(ctx: ArticleContext, sentence: number, span: Token[]): Mention[] {
  let tokens = span;
  while (tokens.length > 1 && HONORIFICS.has(tokens[0]?.lower ?? '')) tokens = tokens.slice(1);
  const trailing = trailingTitle(tokens);
  if (trailing !== null) {
    const org = trailing > 0 ? classifySpan(ctx, sentence, tokens.slice(0, trailing)) : null;
    return org ? [org] : [];
  }
  const titled = findTitle(tokens);
  if (titled) {
    const person = personMention(ctx, sentence, tokens.slice(titled.end), 0.9);
    if (person) {
      const org = titled.start > 0 ? classifySpan(ctx, sentence, tokens.slice(0, titled.start)) : null;
      return org ? [org, person] : [person];
    }
  }
  const mention = classifySpan(ctx, sentence, tokens);
  return mention ? [mention] : [];
}

/** A person named by the tokens; a one-word name is marked as a possible surname. */
export function personMention(
  ctx: ArticleContext,
  sentence: number,
  tokens: Token[],
  confidence: number,
): Mention | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last || HEAD_CUES.has(last.lower) || tokens.some((t) => t.acronym)) return null;
  const m = makeMention(
    ctx,
    sentence,
    first.start,
    last.end,
    ctx.text.slice(first.start, last.end),
    'person',
    undefined,
    confidence,
  );
  if (tokens.length === 1) m.surnameOnly = true;
  return m;
}

/** Decides what a bare name is: a place, an acronym, a body by its head noun, or a person. */
function classifySpan(ctx: ArticleContext, sentence: number, tokens: Token[]): Mention | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return null;
  const text = ctx.text.slice(first.start, last.end);
  const make = (name: string, kind: EntityKind, type: string | undefined, confidence: number): Mention =>
    makeMention(ctx, sentence, first.start, last.end, name, kind, type, confidence);
  // Datelines write the place in capitals: "PHOENIX —".
  const place = PLACES.get(text) ?? PLACES.get(titleCase(text));
  if (place) return make(place.name, 'jurisdiction', place.type, 0.9);
  // "the city of El Cenizo", "the cities of Tucson, Yuma and Mesa": a place the lexicon does not know.
  const placeType = placeNamedAfter(ctx, sentence, first);
  if (placeType) return make(text, 'jurisdiction', placeType, 0.8);
  if (tokens.length === 1 && first.acronym) {
    const known = KNOWN_ACRONYMS.get(first.text.replace(/\./g, ''));
    if (known) return make(known.name, known.kind, undefined, 0.9);
    // Broadcasters' call letters ("WBUR", "KQED") credit the outlet that ran the story, which the guide
    // counts only when it acts in it; one of two or fewer letters ("CN", "PR") is too short to name a body.
    if (CALL_LETTERS.test(first.text) || first.text.replace(/\./g, '').length <= 2) return null;
    return isCommonWord(first.lower) ? null : make(text, 'organization', undefined, 0.5);
  }
  // "(D-Mercer Island)", "R-Texas": a legislator's party and district, not a name.
  if (/^[DRI]-(?:\p{Lu}|\d)/u.test(text)) return null;
  const body = KNOWN_BODIES.get(text);
  if (body) return make(body, 'agency', undefined, 0.85);
  const ofIndex = tokens.findIndex((t) => t.lower === 'of' || t.lower === 'for');
  const head = ofIndex > 0 ? tokens[ofIndex - 1] : last;
  if (NON_ENTITY_HEADS.has(last.lower) || TITLES.has(last.lower)) return null;
  const previous = previousWord(ctx, sentence, first);
  const described = previous ? DESCRIBED_BY.get(previous.lower) : undefined;
  if (described) return make(text, described, undefined, 0.75);
  let cue = HEAD_CUES.get(head?.lower ?? '') ?? HEAD_CUES.get(last.lower);
  // An order is a program only as an executive or court order; "Fraternal Order of Police" is a body.
  if (
    cue?.kind === 'program' &&
    head?.lower === 'order' &&
    !/\b(?:executive|court|administrative)\s+order\b/i.test(text)
  )
    cue = { kind: 'organization' };
  // "an Executive Order", "Senate Bill" with no number or name: the kind of a program, not one. An owner
  // before it ("President Trump's Executive Order") makes it the one program of that owner.
  if (
    cue?.kind === 'program' &&
    tokens.every((t) => GENERIC_PROGRAM_WORDS.has(t.lower)) &&
    !/['’]s?\s+$/.test(ctx.text.slice(Math.max(0, first.start - 3), first.start))
  )
    return null;
  if (cue && tokens.length > 1) {
    const name = last.lower === 'police' && ofIndex < 0 ? `${text} Department` : text;
    return make(name, cue.kind, cue.type, 0.8);
  }
  // Capitalized common words ("Enhancing Public Safety", "SAD!", "UPDATE:") name no one.
  if (
    tokens.every((t) => isCommonWord(t.lower)) &&
    !tokens.some((t) => hasTag(ctx.tags, t.start, 'FirstName', 'Person'))
  )
    return null;
  if (tokens.length === 1) {
    if (DEMONYMS.has(first.lower) || NOT_NAMES.has(first.lower)) return null;
    // A word with a capital inside ("OverNewsmagazine", "AJPress") is a brand, not a surname.
    // Surnames with a prefix ("McFadden", "DeSantis", "O'Neil") have one too, and are surnames.
    if (/\p{Ll}\p{Lu}|^\p{Lu}{2,}\p{Ll}/u.test(first.text) && !SURNAME_PREFIX.test(first.text))
      return make(text, 'organization', undefined, 0.6);
    return personMention(ctx, sentence, tokens, 0.5);
  }
  // Pronouns and other function words do not occur in people's names: "United We Dream".
  if (tokens.slice(1).some((t) => NOT_NAMES.has(t.lower) && !PARTICLES.has(t.lower)))
    return make(text, 'organization', undefined, 0.5);
  if (tokens.length <= 4) {
    const tagged = tokens.some((t) => hasTag(ctx.tags, t.start, 'Person', 'FirstName', 'LastName'));
    const placeLike = tokens.some((t) => hasTag(ctx.tags, t.start, 'Place', 'Organization')) && !tagged;
    if (!placeLike) return personMention(ctx, sentence, tokens, tagged ? 0.85 : 0.6);
  }
  return null;
}

/** Words that name only a kind of program: a name made of them alone ("Executive Order") names none. */
const GENERIC_PROGRAM_WORDS = new Set([
  'executive',
  'order',
  'senate',
  'house',
  'assembly',
  'bill',
  'bills',
  'law',
  'policy',
  'ordinance',
  'resolution',
  'new',
  'state',
  'federal',
]);

/** US broadcasters' call letters: K or W and two or three more capitals. */
const CALL_LETTERS = /^[KW][A-Z]{2,3}$/;

/** Prefixes of surnames that put a capital inside the word. */
const SURNAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])\p{Lu}\p{Ll}+$/u;

/** Local governments' common nouns, each with the type of place it names. */
const PLACE_NOUNS: Readonly<Record<string, string>> = {
  city: 'city',
  cities: 'city',
  town: 'city',
  towns: 'city',
  village: 'city',
  villages: 'city',
  county: 'county',
  counties: 'county',
};
/** "city of", then names listed with commas or "and", up to the span: the span is one more place of the list. */
const PLACE_LIST_BEFORE =
  /\b(cit(?:y|ies)|towns?|villages?|count(?:y|ies)) of\s+(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?:,\s*|,?\s+and\s+))*$/u;

/** The type of place a span names when it follows "the city of" (or ends a list after it), else undefined. */
function placeNamedAfter(ctx: ArticleContext, sentence: number, first: Token): string | undefined {
  const start = ctx.sentences[sentence]?.start ?? 0;
  const noun = PLACE_LIST_BEFORE.exec(ctx.text.slice(Math.max(start, first.start - 120), first.start))?.[1];
  return noun ? PLACE_NOUNS[noun.toLowerCase()] : undefined;
}

/** The word before `token` in its sentence, if any. */
function previousWord(ctx: ArticleContext, sentence: number, token: Token): Token | undefined {
  const tokens = ctx.tokens[sentence] ?? [];
  const at = tokens.indexOf(token);
  return at > 0 ? tokens[at - 1] : undefined;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
}
