/**
 * Mentions from the parse, over the rules' own: the rules' mentions outside credits and bylines, then each
 * named-entity mention of CoreNLP that they missed, read by the rules' span classifier (which splits a title
 * glued to a name: "Chicago Mayor Rahm Emanuel" is a city, a title and a person).
 */

import type { ArticleContext } from '../context';
import { KNOWN_ACRONYMS, KNOWN_BODIES, HEAD_CUES } from '../lexicon';
import { parseSpan, personMention } from '../mentions/classify';
import { makeMention, type Mention } from '../mentions/mention';
import { PLACES } from '../mentions/places';
import type { CoreEntityMention } from './corenlp-json';
import { inRanges } from './credits';
import type { ParseView } from './parse-view';

/** CoreNLP's entity types that name entities of the graph. */
const NER_KINDS = new Set(['PERSON', 'ORGANIZATION', 'CITY', 'STATE_OR_PROVINCE', 'COUNTY']);
const PLACE_TYPES: Readonly<Record<string, string>> = { CITY: 'city', STATE_OR_PROVINCE: 'state', COUNTY: 'county' };

/** A bill by its number: "SB4", "S.B. 54", "HB 2", "Senate Bill 4", "Assembly Bill 450", "H.R. 3003". */
export const BILL_NUMBER =
  /^(?:(?:\p{Lu}[\p{L}.]*\s+)?(?:Senate|House|Assembly)\s+Bill|[SHA]\.?\s?B\.?|H\.?\s?R\.?)\s*\d{1,5}$/u;

/** Mentions that are bill numbers name programs (bills), whatever their words made of them. */
export function asBills(mentions: Mention[]): Mention[] {
  return mentions.map((m) =>
    BILL_NUMBER.test(m.text) && m.kind !== 'program' ? { ...m, kind: 'program', type: 'bill', name: m.text } : m,
  );
}

/** The key one bill has under all its names: "SB4", "S.B. 4" and "Texas Senate Bill 4" are "sb4". */
export function billKey(name: string): string | null {
  const m = /(?:^|\s)(senate|house|assembly|s|h|a)\.?\s?(?:bill|b)\.?\s*(\d{1,5})$/i.exec(name.trim());
  return m ? `${(m[1] ?? '').charAt(0).toLowerCase()}b${m[2]}` : null;
}

/**
 * A name CoreNLP reads as one organization is not a program the rules took from a word in it
 * ("Fraternal Order of Police" has "Order" in it, not an executive order).
 */
export function organizationsByNer(mentions: Mention[], view: ParseView): Mention[] {
  const orgs = view.sentences.flatMap((s) => s.entitymentions.filter((em) => em.ner === 'ORGANIZATION'));
  return mentions.map((m) => {
    if (m.kind !== 'program' || m.known) return m;
    const same = orgs.some((em) => em.characterOffsetBegin === m.start && em.characterOffsetEnd === m.end);
    return same ? { ...m, kind: 'organization', name: m.text } : m;
  });
}

/** NER types that are never a person's or an organization's name. */
const NOT_ACTORS = new Set([
  'DATE',
  'TIME',
  'DURATION',
  'NUMBER',
  'ORDINAL',
  'MONEY',
  'PERCENT',
  'SET',
  'TITLE',
  'CAUSE_OF_DEATH',
  'CRIMINAL_CHARGE',
  'IDEOLOGY',
  'RELIGION',
  'NATIONALITY',
]);

/**
 * The rules' guesses from capitalization that the parse contradicts: a person or organization they made of
 * words CoreNLP tags as no entity ("UPDATE", "Enhancing Public Safety") or as a date or title ("Sacramento
 * Wednesday"). Known names, names with a cue word (confidence 0.8 and up) and one-word surnames stay.
 */
export function withoutNerContradictions(mentions: Mention[], view: ParseView): Mention[] {
  return mentions.filter((m) => {
    if (m.known || m.surnameOnly || m.confidence >= 0.8 || (m.kind !== 'person' && m.kind !== 'organization'))
      return true;
    const tokens = view.sentences.flatMap((s) =>
      s.tokens.filter((t) => t.characterOffsetBegin >= m.start && t.characterOffsetEnd <= m.end),
    );
    if (tokens.length === 0) return true;
    if (tokens.every((t) => t.ner === 'O')) return false;
    return !tokens.some((t) => NOT_ACTORS.has(t.ner));
  });
}

/** The rules' mentions without those in credits, captions and bylines. */
export function withoutCredits(mentions: Mention[], credits: [number, number][]): Mention[] {
  return mentions.filter((m) => !inRanges(credits, m.start, m.end));
}

/** CoreNLP's named entities that no rule mention covers, as mentions of our kinds. */
export function nerMentions(
  ctx: ArticleContext,
  view: ParseView,
  mentions: Mention[],
  credits: [number, number][],
): Mention[] {
  const added: Mention[] = [];
  for (const sentence of view.sentences) {
    for (const em of sentence.entitymentions) {
      if (!NER_KINDS.has(em.ner)) continue;
      // KBP lists pronouns among the mentions of people: "He" is never a name.
      const tokens = sentence.tokens.slice(em.tokenBegin, em.tokenEnd);
      if (tokens.every((t) => t.pos.startsWith('PRP') || t.pos === 'WP')) continue;
      const start = em.characterOffsetBegin;
      const end = em.characterOffsetEnd;
      if (inRanges(credits, start, end)) continue;
      if ([...mentions, ...added].some((m) => start < m.end && m.start < end)) continue;
      const index = view.ruleSentenceAt(start);
      if (index === undefined || index < ctx.firstBodySentence || index === ctx.titleSentence) continue;
      added.push(...fromNer(ctx, index, em));
    }
  }
  return added;
}

function fromNer(ctx: ArticleContext, sentence: number, em: CoreEntityMention): Mention[] {
  const start = em.characterOffsetBegin;
  const end = em.characterOffsetEnd;
  const tokens = (ctx.tokens[sentence] ?? []).filter((t) => t.start >= start && t.end <= end);
  if (tokens.length === 0) return [];
  // A line break inside a mention joins a name to the next line's words: keep the first line.
  const cut = tokens.findIndex(
    (t, i) => i > 0 && ctx.text.slice((tokens[i - 1] as typeof t).end, t.start).includes('\n'),
  );
  const span = cut > 0 ? tokens.slice(0, cut) : tokens;
  const found = parseSpan(ctx, sentence, span);
  if (found.length > 0) return found.map((m) => ({ ...m, confidence: Math.max(m.confidence, 0.7) }));
  const text = ctx.text.slice(span[0]?.start ?? start, span[span.length - 1]?.end ?? end);
  const first = span[0]?.start ?? start;
  const last = span[span.length - 1]?.end ?? end;
  if (em.ner === 'PERSON') {
    const person = personMention(ctx, sentence, span, 0.75);
    return person ? [person] : [];
  }
  if (em.ner === 'ORGANIZATION') {
    const acronym = KNOWN_ACRONYMS.get(text.replace(/\./g, ''));
    if (acronym) return [makeMention(ctx, sentence, first, last, acronym.name, acronym.kind, undefined, 0.8)];
    const body = KNOWN_BODIES.get(text);
    if (body) return [makeMention(ctx, sentence, first, last, body, 'agency', undefined, 0.8)];
    const head = text.split(/\s+/).pop()?.toLowerCase() ?? '';
    const cue = HEAD_CUES.get(head);
    const kind = cue?.kind === 'agency' ? 'agency' : 'organization';
    return [makeMention(ctx, sentence, first, last, text, kind, undefined, 0.7)];
  }
  const place = PLACES.get(text);
  return [
    makeMention(
      ctx,
      sentence,
      first,
      last,
      place?.name ?? text,
      'jurisdiction',
      place?.type ?? PLACE_TYPES[em.ner],
      0.7,
    ),
  ];
}
