/**
 * What the stance model sees of an article: its sentences and words, and where each entity of an
 * annotation is named. It reads the annotation any extractor produced (names, aliases, mentions), not the
 * extractor's internals, so one model serves the rules and the CoreNLP extractor alike.
 */
import type { AnnotationInput } from '../../annotation/format';
import { splitSentences, type Sentence } from '../sentences';
import { tokenize, type Token } from '../tokens';

type EntityInput = NonNullable<AnnotationInput['entities']>[number];
type RoleInput = NonNullable<AnnotationInput['roles']>[number];

/** An article split for the model. */
export interface TextView {
  text: string;
  sentences: Sentence[];
  tokens: Token[][];
}

/** A place where an entity is named, or referred to by a pronoun. */
export interface EntityMention {
  entity: string;
  sentence: number;
  start: number;
  end: number;
  /** A pronoun ("he") or a description ("the mayor", "the city") taken to be the last fitting entity named. */
  indirect: boolean;
}

const PRONOUN = /^(?:he|she|his|her)$/;
/** Sentences a pronoun or a description may look back over for its entity. */
const REACH = 3;
/** "the mayor", "The city", "the department": a common noun standing for an entity named before. */
const DESCRIPTION =
  /\b(?:the|The)\s+(?:federal\s+|state\s+)?(city|county|state|mayor|governor|president|sheriff|department|agency|administration|union|group|judge|court|chief|commissioner|senator|council|board)\b/g;
const KIND_OF_NOUN: Readonly<Record<string, string>> = {
  city: 'jurisdiction',
  county: 'jurisdiction',
  state: 'jurisdiction',
  department: 'agency',
  agency: 'agency',
  administration: 'agency',
  union: 'organization',
  group: 'organization',
  council: 'agency',
  board: 'agency',
  court: 'agency',
};

/**
 * "the bill", "the ordinance", "the order": a program named before, however far back; an article is
 * usually about one such act and calls it by its kind from then on.
 */
const PROGRAM_DESCRIPTION =
  /\b(?:the|The|this|This)\s+(?:new\s+|proposed\s+|state\s+|executive\s+)?(bill|measure|legislation|law|ordinance|resolution|order|directive|contract|petition)\b/g;
const PROGRAM_NOUN: Readonly<Record<string, RegExp>> = {
  bill: /\b(?:bill|act|law|sb|hb|ab|measure|proposition)\b/i,
  measure: /\b(?:bill|act|law|sb|hb|ab|measure|proposition|ordinance|resolution)\b/i,
  legislation: /\b(?:bill|act|law|sb|hb|ab)\b/i,
  law: /\b(?:bill|act|law|sb|hb|ab|ordinance)\b/i,
};

/** Splits an article into sentences and words. */
export function viewOf(text: string): TextView {
  const sentences = splitSentences(text);
  return { text, sentences, tokens: sentences.map((s) => tokenize(text, s.start, s.end)) };
}

/** The index of the sentence that holds an offset, or -1. */
export function sentenceAt(view: TextView, offset: number): number {
  let lo = 0;
  let hi = view.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = view.sentences[mid];
    if (!s) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The sentences a quote of the article spans (none when the quote is not in the text). */
export function sentencesOfQuote(view: TextView, quote: string): number[] {
  const at = quote.length > 0 ? view.text.indexOf(quote) : -1;
  if (at < 0) return [];
  const first = sentenceAt(view, at);
  const last = sentenceAt(view, at + quote.length - 1);
  if (first < 0) return [];
  const out: number[] = [];
  for (let i = first; i <= Math.max(first, last); i++) out.push(i);
  return out;
}

/**
 * Every place an entity is named: its name, aliases and mention, and a person's surname alone; the longest
 * name wins where two overlap ("Trump administration" over "Trump"). Then "he" and "she" for the last person
 * named within a few sentences, and descriptions ("the mayor", "the city") for the last entity they fit: a
 * crude coreference that the model weighs as its own feature.
 */
export function findEntityMentions(
  view: TextView,
  entities: readonly EntityInput[],
  roles: readonly RoleInput[] = [],
): EntityMention[] {
  const found: EntityMention[] = [];
  for (const e of entities) {
    for (const name of namesOf(e)) {
      const caseless = name === name.toLowerCase();
      const haystack = caseless ? view.text.toLowerCase() : view.text;
      let at = haystack.indexOf(name);
      while (at >= 0) {
        const end = at + name.length;
        if (isWordBoundary(view.text, at - 1) && isWordBoundary(view.text, end)) {
          const sentence = sentenceAt(view, at);
          if (sentence >= 0) found.push({ entity: e.id, sentence, start: at, end, indirect: false });
        }
        at = haystack.indexOf(name, at + 1);
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityMention[] = [];
  for (const m of found) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  kept.sort((a, b) => a.start - b.start);

  const people = new Set(entities.filter((e) => e.kind === 'person').map((e) => e.id));
  const indirect: EntityMention[] = [];
  const lastBefore = (offset: number, sentence: number, fits: (id: string) => boolean): EntityMention | undefined => {
    const before = kept.filter((m) => m.start < offset && m.sentence >= sentence - REACH && fits(m.entity));
    return before[before.length - 1];
  };
  for (const [index, words] of view.tokens.entries()) {
    for (const word of words) {
      if (!PRONOUN.test(word.lower)) continue;
      const last = lastBefore(word.start, index, (id) => people.has(id));
      if (last)
        indirect.push({ entity: last.entity, sentence: index, start: word.start, end: word.end, indirect: true });
    }
  }
  const fitting = describedBy(entities, roles);
  for (const match of view.text.matchAll(DESCRIPTION)) {
    const noun = (match[1] ?? '').toLowerCase();
    const start = match.index + match[0].length - (match[1] ?? '').length;
    const sentence = sentenceAt(view, start);
    if (sentence < 0 || kept.some((m) => m.start <= start && start < m.end)) continue;
    const last = lastBefore(start, sentence, (id) => fitting(noun, id));
    if (last) indirect.push({ entity: last.entity, sentence, start, end: start + noun.length, indirect: true });
  }
  const programs = entities.filter((e) => e.kind === 'program');
  for (const match of view.text.matchAll(PROGRAM_DESCRIPTION)) {
    const noun = (match[1] ?? '').toLowerCase();
    const start = match.index;
    const sentence = sentenceAt(view, start);
    if (sentence < 0 || kept.some((m) => m.start < start + match[0].length && start < m.end)) continue;
    const fits = (id: string): boolean => {
      const e = programs.find((p) => p.id === id);
      if (!e) return false;
      const names = [e.name, ...(e.aliases ?? []), e.type ?? ''].join(' ');
      return (PROGRAM_NOUN[noun] ?? new RegExp(`\\b${noun}\\b`, 'i')).test(names);
    };
    const last = kept.filter((m) => m.start < start && fits(m.entity)).pop();
    if (last) indirect.push({ entity: last.entity, sentence, start, end: start + match[0].length, indirect: true });
  }
  const withPronouns = [...kept, ...indirect];
  return withPronouns.sort((a, b) => a.start - b.start);
}

function namesOf(e: EntityInput): string[] {
  const names = new Set<string>([e.name, ...(e.aliases ?? [])]);
  if (e.mention) names.add(e.mention);
  if (e.kind === 'person') {
    const surname = e.name.split(/\s+/).pop() ?? '';
    if (surname.length >= 3 && /^\p{Lu}/u.test(surname)) names.add(surname);
  }
  return [...names]
    .map((n) => n.trim())
    .map((n) => (/^the\s/i.test(n) ? n.slice(4) : n))
    .filter((n) => n.length >= 3 || /^\p{Lu}{2,}$/u.test(n))
    .map((n) => (/^\p{Ll}/u.test(n) ? n.toLowerCase() : n));
}

function isWordBoundary(text: string, at: number): boolean {
  const ch = text[at];
  return ch === undefined || !/[\p{L}\p{N}]/u.test(ch);
}

/** Whether a description's noun fits an entity: a person by a role or name holding the title, a body by kind and name. */
function describedBy(
  entities: readonly EntityInput[],
  roles: readonly RoleInput[],
): (noun: string, id: string) => boolean {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return (noun, id) => {
    const e = byId.get(id);
    if (!e) return false;
    const names = [e.name, ...(e.aliases ?? []), e.mention ?? ''].join(' ').toLowerCase();
    const kind = KIND_OF_NOUN[noun];
    if (!kind) {
      if (e.kind !== 'person') return false;
      return names.includes(noun) || roles.some((r) => r.person === id && r.title.toLowerCase().includes(noun));
    }
    if (kind === 'jurisdiction') return e.kind === 'jurisdiction' && (e.type === noun || names.includes(noun));
    return (e.kind === kind || (kind === 'agency' && e.kind === 'organization')) && names.includes(noun);
  };
}
