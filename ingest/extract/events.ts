import type { EventType } from '../../src/core/vocabulary';
import { isQuoted, quotedRanges } from './attribution';
import type { ArticleContext } from './context';
import { datesOverlap, findDates } from './dates';
import type { GazetteerEvent } from './gazetteer';
import type { Mention } from './mentions';
import { slugify } from './names';
import type { EntityTable, ResolvedEntity } from './resolve';
import type { Sentence } from './sentences';
import { datelineLength, isModifier, subjectBefore } from './subjects';

export type { EventType };

/** An event as extracted: its participants are entities of the article. */
export interface ExtractedEvent {
  id: string;
  type: EventType;
  name: string;
  date?: string;
  by: ResolvedEntity[];
  targets: ResolvedEntity[];
  concerns: ResolvedEntity[];
  /** Sentence indexes whose text states the event. */
  sentences: number[];
  confidence: number;
  /** The gazetteer event this one was recognized as, if any. */
  known?: GazetteerEvent;
}

/**
 * Words that state an action, and the event type they make. `refers` marks nouns that usually
 * point back to an event told already ("the threat", "the disclosure") rather than a new one.
 */
export interface Trigger {
  re: RegExp;
  type: EventType;
  refers?: boolean;
  /** The actor follows the trigger: "was launched by Sessions", "lawsuits ... from various cities". */
  passive?: boolean;
}
/** The event-verb lexicon: the rule extractor matches it in the text, the structure extractor at a verb of the parse. */
export const TRIGGERS: readonly Trigger[] = [
  { re: /\bthreaten(?:s|ed)?\b/i, type: 'threat' },
  { re: /\bwarn(?:s|ed)\b/i, type: 'threat' },
  { re: /\b(?:sent|sends|send|mailed)\s+(?:\w+\s+){0,4}letters?\b|\bin an? (?:\w+\s+)?letter\b/i, type: 'letter' },
  {
    re: /\b(?:unveiled|issued|released|signed|sent)\s+(?:a|an|the)\s+(?:new\s+)?memo(?:randum)?\b|\bmemo released\b/i,
    type: 'memo',
  },
  { re: /\b(?:issued|signed)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?executive order\b/i, type: 'order' },
  // "Sessions is being sued by Providence": the plaintiffs follow "by", the subject is the one sued.
  { re: /\b(?:is|are|was|were|be|been|being)\s+sued\b/i, type: 'lawsuit', passive: true },
  {
    re: /(?<!\b(?:is|are|was|were|be|been|being)\s+)\bsue[sd]?\b|\bfiled (?:a )?(?:\w+\s+)?(?:law)?suits?\b|\bappeal(?:s|ed)?\s+(?:the|a|this|that|his|her|its)\b/i,
    type: 'lawsuit',
  },
  // "lawsuits from the cities"; "the lawsuit" points back to one told already.
  {
    re: /(?<!\b(?:the|this|that|its|their|his|her)\s|\b(?:the|its|their|his|her)\s[\w-]+\s|['’]s\s)\blawsuits?\b/i,
    type: 'lawsuit',
    passive: true,
  },
  // Rulings need a judge or a court for actor (checked in buildEvent): "the judge blocked", "Judge X issued an injunction".
  {
    re: /\b(?:ruled|struck down|blocked|halted|enjoined|upheld|reversed|ordered|denied)\b|\b(?:issued|granted|handed down)\s+(?:[\w$.,-]+\s+){0,4}?(?:ruling|injunction|decision|opinion)\b/i,
    type: 'ruling',
  },
  { re: /\bboycott(?:ed|s)?\b/i, type: 'boycott' },
  { re: /\bpassed (?:\w+ ){0,2}resolution\b/i, type: 'resolution' },
  { re: /\b(?<!(?:are|is|was|were|be|been) )(?:barred|bars|prohibited|banned)\b/i, type: 'policy' },
  // Ending a program or a practice is a policy act: "has ended the 287(g) program", "withdrew the county from 287(g)".
  {
    re: /\b(?:ended|ends|terminated|rescinded|repealed|stopped|withdrew\s+(?:[\w().,'’-]+\s+){0,6}?from)\s+(?:(?:the|its|his|her|their|a)\s+)?(?:[\w().'’-]+\s+){0,3}?(?:program|agreement|policy|policies|participation|partnership|cooperation|holding|honoring|287\(g\))/i,
    type: 'policy',
  },
  { re: /\bsettled\b/i, type: 'settlement' },
  { re: /\bwas launched\b|\blaunched\b/i, type: 'program-launch', passive: true },
  // "A bill passed today by the State Senate": a chamber's vote, its actor after "by".
  {
    re: /\bconfirmed by\b|\bvoted\b|\b(?:bill|measure|legislation|resolution)\s+(?:was\s+)?passed\s+(?=(?:\w+\s+){0,3}?by\b)/i,
    type: 'vote',
    passive: true,
  },
  {
    re: /\b(?:supported|passed|approved|signed|vetoed)\s+(?:[\w'’-]+\s+){0,3}?(?:legislation|bill|law|measure|ordinance)\b|\bsigned\s+(?:[\w'’-]+\s+){0,3}?into law\b|\bconsidering\b[^.]{0,40}\bbill\b/i,
    type: 'legislation',
  },
  { re: /\bannounced\b|\bunveiled\b|\bsaid (?:it|they|he|she) would\b/i, type: 'announcement' },
  { re: /\bnotified\b|\bdisclosed\b|\brevealed\b/i, type: 'disclosure' },
  { re: /\breported\b/i, type: 'report' },
  { re: /\bin a speech\b|\bspeaks at\b|\bspoke at\b|\bprepared remarks\b/i, type: 'speech' },
  { re: /\burged\b/i, type: 'speech' },
  {
    re: /\b(?:in a|in the) (?:statement|press release)\b|\bat a press conference\b|\btweeted\b|\bon twitter\b|\btold the (?:media|press|reporters)\b|\bcalled the (?:threat|move|decision|order|policy|plan|memo|announcement)\b/i,
    type: 'statement',
  },
  { re: /\b(?:scheduled|planned)\s+meeting\b/i, type: 'meeting' },
  {
    re: /\bthe (?:\w+ )?(?:threat|memo|letters|disclosure|announcement|order|ruling|lawsuit|boycott|speech|statement)\b/i,
    type: 'other',
    refers: true,
  },
];
/** Nouns of back-references and the event types they can point to. */
const REFERENCE_TYPES: Readonly<Record<string, EventType[]>> = {
  threat: ['threat', 'letter', 'memo', 'announcement'],
  memo: ['memo', 'threat', 'announcement', 'letter'],
  letters: ['letter'],
  disclosure: ['disclosure'],
  announcement: ['announcement', 'threat', 'memo'],
  order: ['order'],
  ruling: ['ruling'],
  lawsuit: ['lawsuit'],
  boycott: ['boycott'],
  speech: ['speech'],
  statement: ['statement', 'announcement'],
};
/** Types that are the same kind of act told differently; a later report of one may be told as another. */
const EVENT_FAMILIES: readonly (readonly EventType[])[] = [
  ['speech', 'statement', 'announcement'],
  ['policy', 'order', 'resolution', 'legislation'],
];

export function sameEventFamily(a: string, b: string): boolean {
  return a === b || EVENT_FAMILIES.some((f) => f.includes(a as EventType) && f.includes(b as EventType));
}

const ACTOR_KINDS = new Set(['person', 'agency', 'organization', 'jurisdiction']);
/** Acts of saying, which a sentence may use to report another act. */
const SAYING = new Set<EventType>(['speech', 'statement', 'announcement']);
/** A judge (by the title written with the name) or a court: the only actors of a ruling. */
function isJudicial(e: ResolvedEntity): boolean {
  if (e.kind === 'person')
    return e.mentions.some((m) => m.title !== undefined && /judge|justice/i.test(m.title.info.title));
  return /\b(?:court|judge|justices?)\b/i.test(e.name);
}
/** "This prompted lawsuits ...": the new act is about what the previous one concerned. */
const CONSEQUENCE = /^(?:this|that|it|the (?:move|decision|order))\s+(?:prompted|led to|sparked|triggered|drew)\b/i;
const PRONOUN_SUBJECT = /^(?:[^,]*,\s*)?(he|she)\b/i;

/** Finds the dated actions the article reports, one per sentence at most, merging back-references into earlier events. */
export function extractEvents(ctx: ArticleContext, mentions: Mention[], table: EntityTable): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  let lastPerson: ResolvedEntity | undefined;
  for (const sentence of ctx.sentences) {
    if (sentence.index < ctx.firstBodySentence) continue;
    const ranges = quotedRanges(ctx.text, sentence.start, sentence.end);
    const here = mentions.filter((m) => m.sentence === sentence.index && m.entityId !== undefined);
    for (const trigger of findTriggers(sentence.text, sentence.start, ranges)) {
      const { rule, start, end, noun } = trigger;
      if (rule.refers) {
        const referred = [...events].reverse().find((e) => (REFERENCE_TYPES[noun] ?? []).includes(e.type));
        if (referred && !referred.sentences.includes(sentence.index)) referred.sentences.push(sentence.index);
        break;
      }
      const event = buildEvent(ctx, table, here, ranges, rule, start, end, sentence.index, lastPerson);
      if (!event) continue;
      const cause = CONSEQUENCE.test(sentence.text) ? events[events.length - 1] : undefined;
      if (cause) event.concerns = uniq([...event.concerns, ...cause.concerns]);
      mergeOrAdd(ctx, events, event);
      break;
    }
    for (const m of here) if (table.of(m)?.kind === 'person') lastPerson = table.of(m);
  }
  for (const event of events) alignWithKnown(ctx, event);
  return dedupeIds(events);
}

interface TriggerMatch {
  rule: Trigger;
  start: number;
  end: number;
  noun: string;
}

/** A sentence's fronted phrase of cause or time, up to its comma (a dateline before it is allowed). */
const BACKGROUND_FRONT =
  /^(?:[^—–]{0,60}[—–]\s*)?(?:in response to|in reaction to|after|following|amid|weeks after|days after|months after)\b[^,]{0,120},/i;

/** The triggers of a sentence outside quotations, in the order they are tried: new acts before back-references, then by position. */
function findTriggers(text: string, offset: number, ranges: [number, number][]): TriggerMatch[] {
  const found: TriggerMatch[] = [];
  for (const rule of TRIGGERS) {
    for (const m of text.matchAll(new RegExp(rule.re.source, 'gi'))) {
      const start = offset + (m.index ?? 0);
      if (isQuoted(ranges, start)) continue;
      const noun =
        /\b(threat|memo|letters|disclosure|announcement|order|ruling|lawsuit|boycott|speech|statement)\b/i
          .exec(m[0])?.[1]
          ?.toLowerCase() ?? '';
      found.push({ rule, start, end: start + m[0].length, noun });
      break;
    }
  }
  // A sentence that announces an act ("announced that the city will sue") reports the act: acts first.
  // A frame ("In a speech ..., Sessions warned") names the act itself and comes first.
  // A fronted phrase of cause or time ("In response to a lawsuit by the city, a judge ruled") tells the background
  // of the main clause's act: its triggers come last.
  const background = BACKGROUND_FRONT.exec(text);
  const inBackground = (t: TriggerMatch): boolean => background !== null && t.start - offset < background[0].length;
  const rank = (t: TriggerMatch): number =>
    t.rule.refers
      ? 2
      : inBackground(t)
        ? 1.5
        : /^in (?:a|an|the)\b/i.test(text.slice(t.start - offset))
          ? -1
          : SAYING.has(t.rule.type)
            ? 1
            : 0;
  return found.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
}

function buildEvent(
  ctx: ArticleContext,
  table: EntityTable,
  here: Mention[],
  ranges: [number, number][],
  rule: Trigger,
  start: number,
  end: number,
  sentence: number,
  lastPerson: ResolvedEntity | undefined,
): ExtractedEvent | null {
  const s = ctx.sentences[sentence];
  if (!s) return null;
  const outside = here.filter((m) => !isQuoted(ranges, m.start));
  const entity = (m: Mention): ResolvedEntity | undefined => table.of(m);
  const actorCandidates = outside.filter((m) => ACTOR_KINDS.has(entity(m)?.kind ?? ''));
  let actors: ResolvedEntity[] = [];
  if (rule.passive) {
    // "lawsuits from the state's largest cities": the actor follows "by"/"from" closely, and a possessive only modifies it.
    const by = actorCandidates.filter(
      (m) =>
        m.start >= end &&
        /^[^.;]{0,60}?\b(?:by|from)\b[^.;]{0,50}$/i.test(ctx.text.slice(start, m.start)) &&
        !/^['’]/.test(ctx.text.slice(m.end, m.end + 1)),
    );
    actors = uniq(by.map(entity));
  }
  // The subject of the main clause never reaches back into a fronted phrase of cause or time.
  const front = BACKGROUND_FRONT.exec(s.text);
  const frontEnd = front !== null && start >= s.start + front[0].length ? s.start + front[0].length : s.start;
  if (actors.length === 0)
    actors = subjectBefore(
      ctx,
      outside.filter((m) => m.start >= frontEnd),
      table,
      start,
      200,
    );
  // "In a memo released online, Attorney General Jeff Sessions said ...": the subject follows the fronted phrase.
  if (actors.length === 0 && /^[^,]*$/.test(ctx.text.slice(s.start + datelineLength(s.text), start))) {
    const comma = ctx.text.indexOf(',', end);
    const after =
      comma >= 0 && comma < s.end ? actorCandidates.find((m) => m.start > comma && m.start - comma < 40) : undefined;
    if (after) actors = uniq([entity(after)]);
  }
  if (actors.length === 0 && PRONOUN_SUBJECT.test(ctx.text.slice(s.start, start)) && lastPerson) actors = [lastPerson];
  if (actors.length === 0) return null;
  // "filed lawsuits, too, joined by the ACLU and MALDEF": who joins a suit brings it too.
  if (rule.type === 'lawsuit') actors = uniq([...actors, ...joinedBy(ctx, actorCandidates, end, s.end).map(entity)]);
  if (rule.type === 'ruling' && !actors.some(isJudicial)) return null;
  // Targets are named in the trigger's own clause: up to the next comma, semicolon or dash.
  const clauseEnd = end + (/[,;—–]|\s-\s/.exec(ctx.text.slice(end, s.end))?.index ?? s.end - end);
  // "against the U.S. Department of Justice": a place that only modifies the next noun is no target.
  const inClause = outside.filter((m) => m.start >= end && m.end <= clauseEnd && !isModifier(ctx, m));
  // "Sessions is being sued by Providence": the passive subject is the one sued.
  const sued = rule.type === 'lawsuit' && rule.passive ? subjectBefore(ctx, outside, table, start, 200) : [];
  const targets = uniq([...sued, ...inClause.filter((m) => entity(m)?.kind !== 'program').map(entity)]).filter(
    (e) => !actors.includes(e),
  );
  const concerns = uniq(here.map(entity)).filter((e) => e.kind === 'program');
  const { date, written } = eventDate(ctx, s, start);
  const name = eventName(ctx, actors, start, s.end);
  const main = actors[0] as ResolvedEntity;
  const event: ExtractedEvent = {
    id: slugify(`${shortId(main)} ${rule.type} ${date ?? ''}`, 70),
    type: rule.type,
    name,
    by: actors,
    targets,
    concerns,
    sentences: [sentence],
    confidence: written ? 0.7 : 0.6,
  };
  if (date) event.date = date;
  return event;
}

/** Actors named after "joined by" following the trigger, up to the end of that clause. */
function joinedBy(ctx: ArticleContext, candidates: Mention[], end: number, sentenceEnd: number): Mention[] {
  const joined = /\bjoined (?:by|in by)\s/i.exec(ctx.text.slice(end, sentenceEnd));
  if (!joined) return [];
  const from = end + joined.index + joined[0].length;
  const stop =
    from +
    (/[.;:—–]|\s-\s|\b(?:who|which|that)\b/.exec(ctx.text.slice(from, sentenceEnd))?.index ?? sentenceEnd - from);
  return candidates.filter((m) => m.start >= from && m.end <= stop);
}

/**
 * The date of an act told at offset `at` of a sentence: the nearest date written there (a deadline never dates it,
 * a start does when nothing else does); else, since news reports recent acts, the article's month, unless the
 * sentence marks the act as told before ("previously declared").
 */
export function eventDate(ctx: ArticleContext, s: Sentence, at: number): { date?: string; written: boolean } {
  const dates = findDates(s, ctx.anchor).filter((d) => d.role !== 'deadline');
  const nearest = (list: typeof dates): string | undefined =>
    list.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]?.value;
  const written = nearest(dates.filter((d) => d.role === 'point')) ?? nearest(dates);
  const background = /\b(?:previously|had|once|long|years ago)\b/i.test(s.text);
  const date = written ?? (background ? undefined : anchorMonth(ctx));
  return date === undefined ? { written: false } : { date, written: written !== undefined };
}

function anchorMonth(ctx: ArticleContext): string | undefined {
  return ctx.anchor?.month ? `${ctx.anchor.year}-${String(ctx.anchor.month).padStart(2, '0')}` : undefined;
}

/** "Sessions" for jeff-sessions: ids read better with the short form people use. */
export function shortId(entity: ResolvedEntity): string {
  return entity.kind === 'person' ? (entity.name.split(/\s+/).pop() ?? entity.id) : entity.id;
}

/** A readable name: the actor and the clause from the trigger on, cut at the first comma or after 12 words. */
export function eventName(ctx: ArticleContext, actors: ResolvedEntity[], start: number, end: number): string {
  const clause = ctx.text.slice(start, end).split(/[,;:.“"”—]/)[0] ?? '';
  const words = clause.trim().split(/\s+/).slice(0, 12).join(' ');
  const who = actors.map((a) => a.name).join(' and ');
  return `${who} ${words}`.trim();
}

/**
 * A second sentence about the same act (same type family, same actor) adds its quote: when both
 * are dated the dates must agree, and an undated one must be told within two paragraphs.
 */
export function mergeOrAdd(ctx: ArticleContext, events: ExtractedEvent[], event: ExtractedEvent): void {
  const paragraph = (e: ExtractedEvent): number => ctx.sentences[e.sentences[0] ?? 0]?.paragraph ?? 0;
  const same = events.find((e) => {
    if (!sameEventFamily(e.type, event.type) || !e.by.some((a) => event.by.includes(a))) return false;
    // "on Wednesday" (a day) and "in June" (its month) are one date at different precisions.
    // "on Wednesday" (a day) and "in June" (its month) can be one date, when told close together.
    if (e.date !== undefined && event.date !== undefined)
      return (
        e.date === event.date || (datesOverlap(e.date, event.date) && Math.abs(paragraph(e) - paragraph(event)) <= 2)
      );
    return Math.abs(paragraph(e) - paragraph(event)) <= 2;
  });
  if (!same) {
    events.push(event);
    return;
  }
  same.sentences.push(...event.sentences);
  if (same.date === undefined || (event.date !== undefined && event.date.length > same.date.length))
    same.date = event.date;
  for (const key of ['targets', 'concerns'] as const) same[key] = uniq([...same[key], ...event[key]]);
}

/** Takes the id (and a missing date) of a gazetteer event reported again: same family, compatible date, a participant in common. */
export function alignWithKnown(ctx: ArticleContext, event: ExtractedEvent): void {
  const ids = (list: ResolvedEntity[]): string[] => list.map((e) => e.id);
  const candidates = ctx.gazetteer.gazetteer.events.filter((k) => {
    const sharedActor = (k.by ?? []).some((a) => ids(event.by).includes(a));
    const sharedConcern = (k.concerns ?? []).some((c) => ids(event.concerns).includes(c));
    const bothDated = k.date !== undefined && event.date !== undefined;
    if (!sameEventFamily(k.type, event.type) || !sharedActor || (bothDated && !datesOverlap(k.date, event.date)))
      return false;
    // Without two dates to compare, only the program the act is about can tell it is the same act.
    return bothDated || sharedConcern;
  });
  const best = candidates.sort((a, b) => score(b) - score(a))[0];
  function score(k: GazetteerEvent): number {
    return (
      (k.type === event.type ? 2 : 0) +
      (k.date && event.date ? 1 : 0) +
      ((k.concerns ?? []).some((c) => ids(event.concerns).includes(c)) ? 2 : 0)
    );
  }
  if (!best) return;
  event.known = best;
  event.id = best.id;
  event.type = best.type as EventType;
  event.name = best.name;
  if (!event.date && best.date) event.date = best.date;
  event.confidence = Math.min(0.9, event.confidence + 0.1);
}

export function dedupeIds(events: ExtractedEvent[]): ExtractedEvent[] {
  const seen = new Map<string, ExtractedEvent>();
  const out: ExtractedEvent[] = [];
  for (const event of events) {
    const first = seen.get(event.id);
    if (first && first.known && event.known) {
      first.sentences.push(...event.sentences);
      continue;
    }
    let id = event.id;
    for (let n = 2; seen.has(id); n++) id = `${event.id}-${n}`;
    event.id = id;
    seen.set(id, event);
    out.push(event);
  }
  return out;
}

function uniq(list: (ResolvedEntity | undefined)[]): ResolvedEntity[] {
  return [...new Set(list.filter((e): e is ResolvedEntity => e !== undefined))];
}
