/**
 * Events from clauses: a verb the event-verb lexicon knows, with the doers its subject (or, in the passive,
 * its by-agent) names, the targets its object and obliques name, and the date of its sentence.
 */

import { isQuoted, quotedRanges } from '../attribution';
import type { ArticleContext } from '../context';
import { eventDate, eventName, shortId, TRIGGERS, type ExtractedEvent, type Trigger } from '../events';
import type { EventType } from '../../../src/core/vocabulary';
import { slugify } from '../names';
import type { ResolvedEntity } from '../resolve';
import type { ArgumentReader, Clause } from './svo';

/** The lexicon's trigger whose match in the sentence covers the clause's verb. */
export function triggerAt(ctx: ArticleContext, clause: Clause, sentenceIndex: number): Trigger | undefined {
  const s = ctx.sentences[sentenceIndex];
  if (!s) return undefined;
  for (const rule of TRIGGERS) {
    if (rule.refers) continue;
    for (const m of s.text.matchAll(new RegExp(rule.re.source, 'gi'))) {
      const start = s.start + (m.index ?? 0);
      if (start <= clause.start && clause.end <= start + m[0].length) return rule;
    }
  }
  return undefined;
}

/** Event nouns that a light verb ("issued a ruling", "filed suit", "sent letters") makes an act of. */
const EVENT_NOUNS: Readonly<Record<string, EventType>> = {
  ruling: 'ruling',
  decision: 'ruling',
  injunction: 'ruling',
  opinion: 'ruling',
  order: 'order',
  memo: 'memo',
  memorandum: 'memo',
  letter: 'letter',
  lawsuit: 'lawsuit',
  suit: 'lawsuit',
  complaint: 'lawsuit',
  appeal: 'lawsuit',
  statement: 'statement',
  release: 'statement',
  resolution: 'resolution',
  bill: 'legislation',
  law: 'legislation',
  report: 'report',
  subpoena: 'threat',
  warning: 'threat',
  ultimatum: 'threat',
};
const LIGHT_VERBS = new Set([
  'issue',
  'file',
  'send',
  'sign',
  'release',
  'pass',
  'grant',
  'enter',
  'hand',
  'deliver',
  'bring',
  'publish',
  'mail',
]);

/** The event type of a light verb with an event noun as its object. */
export function lightVerbType(reader: ArgumentReader, clause: Clause): EventType | undefined {
  if (!LIGHT_VERBS.has(clause.lemma)) return undefined;
  for (const obj of reader.objectLemmas(clause)) {
    const type = EVENT_NOUNS[obj];
    if (type) return type;
  }
  return undefined;
}

/** One event per clause whose verb is a trigger and whose doer is named, outside quotations. */
export function clauseEvents(ctx: ArticleContext, reader: ArgumentReader): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  const done = new Set<number>();
  for (const clause of reader.clauses()) {
    const index = reader.ruleSentence(clause);
    if (index === undefined || index < ctx.firstBodySentence || done.has(index)) continue;
    const s = ctx.sentences[index];
    if (!s || isQuoted(quotedRanges(ctx.text, s.start, s.end), clause.start)) continue;
    // "Hanson's letter warned ...": an act as the subject is what its owner did.
    const told = reader
      .subjectLemmas(clause)
      .map((l) => EVENT_NOUNS[l])
      .find((t) => t !== undefined);
    const type =
      lightVerbType(reader, clause) ??
      (triggerAt(ctx, clause, index) ? (told ?? triggerAt(ctx, clause, index)?.type) : undefined);
    if (!type || clause.agents.length === 0) continue;
    const others = [...clause.patients, ...clause.obliques];
    const targets = uniq(others.filter((e) => e.kind !== 'program'));
    const concerns = uniq(others.filter((e) => e.kind === 'program'));
    const { date, written } = eventDate(ctx, s, clause.start);
    const main = clause.agents[0] as ResolvedEntity;
    const event: ExtractedEvent = {
      id: slugify(`${shortId(main)} ${type} ${date ?? ''}`, 70),
      type: type,
      name: eventName(ctx, clause.agents, clause.start, s.end),
      by: clause.agents,
      targets,
      concerns,
      sentences: [index],
      confidence: written ? 0.7 : 0.6,
    };
    if (date) event.date = date;
    events.push(event);
    done.add(index);
  }
  return events;
}

function uniq(list: ResolvedEntity[]): ResolvedEntity[] {
  return [...new Set(list)];
}
