/**
 * The structure extractor: the rule extractor's domain rules working on CoreNLP's parse. Named-entity
 * mentions add what the rules' span finder missed, coreference gives pronouns and title nouns their entity,
 * the dependency tree says who did what to whom and who speaks, and KBP relations add roles. Credits,
 * captions and bylines are left out. Each part can be switched off, to measure what it brings.
 */

import type { AnnotationInput } from '../../annotation/format';
import type { ArticleDocument } from '../../article/read';
import { findStatements } from '../attribution';
import { buildContext } from '../context';
import { datesOverlap } from '../dates';
import {
  alignWithKnown,
  dedupeIds,
  extractEvents,
  mergeOrAdd,
  sameEventFamily,
  shortId,
  type ExtractedEvent,
} from '../events';
import { slugify } from '../names';
import type { Gazetteer } from '../gazetteer';
import { assembleAnnotation, type ExtractOptions } from '../index';
import { findMentions, type Mention } from '../mentions';
import { resolveMentions } from '../resolve';
import { extractRoles } from '../roles';
import { extractStances, OPPOSE_VERB, SUPPORT_VERB, towardMeasures } from '../stances';
import { corefMentions } from './coref';
import { readCoreNlpJson } from './corenlp-json';
import { creditRanges } from './credits';
import { clauseEvents } from './events';
import { mergeWithinArticle } from './merge';
import { asBills, nerMentions, organizationsByNer, withoutCredits, withoutNerContradictions } from './mentions';
import { ParseView } from './parse-view';
import { kbpRoles, mergeRoles } from './roles';
import { impliedStances, lawsuitStances, mergeStances, rulingStances, verbStances } from './stances';
import { mergeStatements, parsedStatements } from './statements';
import { ArgumentReader } from './svo';

export { readCoreNlpJson, ParseMismatchError, CoreNlpDocumentSchema } from './corenlp-json';
export type { CoreNlpDocument } from './corenlp-json';

/** The parts of the structure extractor, each on unless switched off. */
export const STRUCTURE_PARTS = [
  'credits',
  'ner',
  'nerVeto',
  'merge',
  'coref',
  'kbpRoles',
  'clauseEvents',
  'eventActors',
  'statements',
  'eventFilter',
  'lawsuitStances',
  'verbStances',
  'rulingStances',
  'impliedStances',
] as const;
export type StructurePart = (typeof STRUCTURE_PARTS)[number];

export interface StructureOptions extends ExtractOptions {
  /** Parts to switch off (all are on by default). */
  without?: readonly StructurePart[];
}

/**
 * Extracts an annotation from an article and CoreNLP's JSON parse of exactly doc.text (annotators
 * tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp). Throws when the parse was made from another text.
 */
export function extractAnnotationFromParse(
  doc: ArticleDocument,
  gazetteer: Gazetteer,
  parse: unknown,
  options: StructureOptions = {},
): AnnotationInput {
  const on = (part: StructurePart): boolean => !(options.without ?? []).includes(part);
  const core = readCoreNlpJson(parse, doc.text);
  const ctx = buildContext(doc, gazetteer);
  const view = new ParseView(core, ctx);
  const credits = on('credits') ? creditRanges(doc.text) : [];
  let mentions = asBills(withoutCredits(findMentions(ctx), credits));
  if (on('nerVeto')) mentions = withoutNerContradictions(mentions, view);
  if (on('ner')) mentions = byPosition([...mentions, ...nerMentions(ctx, view, mentions, credits)]);
  mentions = asBills(on('ner') ? organizationsByNer(mentions, view) : mentions);

  const table = resolveMentions(ctx, mentions);
  if (on('merge')) mergeWithinArticle(table, ctx.gazetteer);
  const all = on('coref') ? byPosition([...mentions, ...corefMentions(view, mentions, table, credits)]) : mentions;
  const reader = new ArgumentReader(ctx, view, all, table);

  let roles = extractRoles(ctx, mentions, table);
  if (on('kbpRoles')) roles = mergeRoles(roles, kbpRoles(ctx, view, mentions, table, credits));

  let events = extractEvents(ctx, all, table);
  if (on('eventFilter')) events = reactionsAsStatements(events, reader, clauseEvents(ctx, reader));
  if (on('clauseEvents') || on('eventActors'))
    events = combineEvents(ctx, events, clauseEvents(ctx, reader), on('clauseEvents'), on('eventActors'));

  let statements = findStatements(ctx, all, table);
  if (on('statements')) statements = mergeStatements(parsedStatements(ctx, view, reader), statements);
  let stances = extractStances(ctx, all, table, events, statements);
  if (on('lawsuitStances')) stances = lawsuitStances(events, stances, table, ctx);
  if (on('verbStances')) stances = mergeStances(verbStances(reader, events), stances);
  if (on('rulingStances'))
    stances = mergeStances(
      stances,
      rulingStances(events, statements, roles, (id) => table.get(id)),
    );
  if (on('impliedStances')) stances = mergeStances(stances, impliedStances(stances));
  // Courts and judges decide; they take no side in the debate.
  // (A doer who speaks in the article is no judge: a misread "as the courts have decided".)
  const speakers = new Set(statements.map((st) => st.speaker));
  const deciders = new Set(
    events.filter((e) => e.type === 'ruling').flatMap((e) => e.by.filter((b) => !speakers.has(b))),
  );
  stances = towardMeasures(stances.filter((s) => !deciders.has(s.actor)));
  return assembleAnnotation(ctx, table, roles, events, stances, options);
}

/**
 * The rules' events with the clauses': where both read a sentence and name different doers, the clause's
 * subject wins (the rules take the nearest name before the verb, which may be its object); a clause event in
 * a sentence the rules found nothing in is added, or merged into a report of the same act.
 */
function combineEvents(
  ctx: Parameters<typeof mergeOrAdd>[0],
  rules: ExtractedEvent[],
  clauses: ExtractedEvent[],
  add: boolean,
  fixActors: boolean,
): ExtractedEvent[] {
  const events = [...rules];
  for (const clause of clauses) {
    const sentence = clause.sentences[0] ?? -1;
    const same = events.find((e) => e.sentences[0] === sentence);
    // A second report of an act: same family, a doer in common, dates that agree at the coarser precision.
    const told = events.find(
      (e) =>
        e !== same &&
        sameEventFamily(e.type, clause.type) &&
        e.by.some((a) => clause.by.includes(a)) &&
        e.date !== undefined &&
        clause.date !== undefined &&
        datesOverlap(e.date, clause.date),
    );
    if (!same && add && told) {
      told.sentences.push(...clause.sentences);
      if ((clause.date?.length ?? 0) > (told.date?.length ?? 0)) told.date = clause.date;
      continue;
    }
    if (same) {
      // The first act of the sentence's clauses is its main one: "sent letters that warned" is a letter.
      if (fixActors) same.type = clause.type;
      if (fixActors && !same.by.some((a) => clause.by.includes(a))) {
        same.by = clause.by;
        same.targets = [...new Set([...clause.targets])].filter((t) => !clause.by.includes(t));
        same.concerns = [...new Set([...same.concerns, ...clause.concerns])];
      }
      continue;
    }
    if (!add || events.some((e) => e.sentences.includes(sentence))) continue;
    alignWithKnown(ctx, clause);
    mergeOrAdd(ctx, events, clause);
  }
  return dedupeIds(events);
}

/** Verbs of answering: their object is someone else's act. */
const REACTIONS = new Set(['react', 'respond', 'reply', 'comment']);

/**
 * The rules' events whose doer, in that sentence, only evaluates or answers an act ("Becerra praised the lawsuit") are
 * that doer's statements: the act named as the object of praise or criticism is someone else's, told elsewhere.
 */
function reactionsAsStatements(
  events: ExtractedEvent[],
  reader: ArgumentReader,
  acts: ExtractedEvent[],
): ExtractedEvent[] {
  const reactions = new Map<number, Set<string>>();
  // A sentence whose clauses state an act ("sued to challenge the law") is not a mere reaction.
  const acted = new Set(acts.flatMap((e) => e.sentences));
  for (const clause of reader.clauses()) {
    if (!OPPOSE_VERB.test(clause.word) && !SUPPORT_VERB.test(clause.word) && !REACTIONS.has(clause.lemma)) continue;
    if (clause.lemma === 'sue') continue;
    const sentence = reader.ruleSentence(clause);
    if (sentence === undefined || acted.has(sentence)) continue;
    const set = reactions.get(sentence) ?? new Set<string>();
    for (const a of clause.agents) set.add(a.id);
    reactions.set(sentence, set);
  }
  for (const e of events) {
    const sentence = e.sentences[0] ?? -1;
    if (e.sentences.length !== 1 || e.known || !e.by.every((a) => reactions.get(sentence)?.has(a.id))) continue;
    const main = e.by[0];
    e.type = 'statement';
    if (main) e.id = slugify(`${shortId(main)} statement ${e.date ?? ''}`, 70);
    e.targets = [];
  }
  return dedupeIds(events);
}

function byPosition(mentions: Mention[]): Mention[] {
  return [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
}
