import type { Annotation, AnnotationInput } from '../annotation/format';
import { datesOverlap } from './dates';
import { sameEventFamily } from './events';
import { normalizeName } from './names';

/** Counts for one kind of fact: what was extracted, what the curated file has, and how many agree. */
export interface Score {
  extracted: number;
  gold: number;
  matched: number;
}

/**
 * `stances` match on actor and polarity (kind) alone; `targetedStances` also need the same target, an
 * entity or an event. The first says whether the extractor knows who is for and against; the second
 * whether it knows what about.
 */
export type FactKind = 'entities' | 'roles' | 'events' | 'stances' | 'targetedStances';
export const FACT_KINDS: readonly FactKind[] = ['entities', 'roles', 'events', 'stances', 'targetedStances'];

/** Column headings of the fact kinds, for tables. */
export const FACT_KIND_LABELS: Record<FactKind, string> = {
  entities: 'entities',
  roles: 'roles',
  events: 'events',
  stances: 'stances (actor + polarity)',
  targetedStances: 'stances with the right target',
};

export interface CompareOptions {
  /**
   * Names the text holds but the gold leaves out as not salient (a president named in passing, the
   * country). An extracted entity that matches no gold entity but one of these names (normalized, any of
   * its names or aliases) counts neither as a true nor a false positive; so does an unmatched extracted
   * fact that refers to such an entity.
   */
  neutral?: readonly string[];
}

/** A fact that did not match, described for the failure list. */
export interface Miss {
  kind: FactKind;
  side: 'missed' | 'spurious';
  fact: string;
}

export interface Comparison {
  scores: Record<FactKind, Score>;
  misses: Miss[];
}

export function precision(s: Score): number {
  return s.extracted === 0 ? 0 : s.matched / s.extracted;
}
export function recall(s: Score): number {
  return s.gold === 0 ? 0 : s.matched / s.gold;
}
export function f1(s: Score): number {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

type Entity = Annotation['entities'][number];
type Event = Annotation['events'][number];
type Stance = Annotation['stances'][number];
const linkId = (l: string | { id: string }): string => (typeof l === 'string' ? l : l.id);
const bodyKind = (k: string): string => (k === 'organization' ? 'agency' : k);

/**
 * Compares an extracted annotation with the curated one of the same article. Matching is
 * one-to-one and greedy, strongest evidence first:
 * - entities: same id; else a shared normalized name or alias; else mentions that overlap in
 *   the text, for kinds that agree (agency and organization count as one kind);
 * - roles: person and org both matched;
 * - events: same id; else types of one family, dates that overlap (a missing date overlaps
 *   anything), and an actor or target in common through the entity matching;
 * - stances: actor and kind equal; targetedStances: also the target matched (an event through the
 *   event matching).
 */
export function compareAnnotations(
  extractedInput: AnnotationInput,
  gold: Annotation,
  text: string,
  parse: (a: AnnotationInput) => Annotation,
  options: CompareOptions = {},
): Comparison {
  const extracted = parse(extractedInput);
  const misses: Miss[] = [];
  const entityMap = matchEntities(extracted.entities, gold.entities, text);
  const mapEntity = (id: string): string => entityMap.get(id) ?? `?${id}`;
  const neutralNames = new Set((options.neutral ?? []).map(normalizeName));
  const neutralIds = new Set(
    extracted.entities
      .filter((x) => !entityMap.has(x.id) && [x.name, ...x.aliases].some((n) => neutralNames.has(normalizeName(n))))
      .map((x) => x.id),
  );
  const isNeutral = (id: string): boolean => neutralIds.has(id);

  const roleMatched = countMatches(
    extracted.roles,
    gold.roles,
    (x, g) => mapEntity(x.person) === g.person && mapEntity(x.org) === g.org,
    (x) => isNeutral(x.person) || isNeutral(x.org),
  );
  const eventMap = matchEvents(extracted.events, gold.events, mapEntity);
  const neutralEvents = extracted.events.filter(
    (x) => !eventMap.has(x.id) && [...x.by, ...x.targets, ...x.concerns].map(linkId).some(isNeutral),
  );
  const mapTarget = (id: string): string => eventMap.get(id) ?? mapEntity(id);
  const neutralEventIds = new Set(neutralEvents.map((x) => x.id));
  const neutralStance = (x: Stance): boolean =>
    isNeutral(x.actor) || isNeutral(x.target) || neutralEventIds.has(x.target);
  const stanceMatched = countMatches(
    extracted.stances,
    gold.stances,
    (x, g) => mapEntity(x.actor) === g.actor && x.kind === g.kind,
    neutralStance,
  );
  const targetedMatched = countMatches(
    extracted.stances,
    gold.stances,
    (x, g) => mapEntity(x.actor) === g.actor && x.kind === g.kind && mapTarget(x.target) === g.target,
    neutralStance,
  );

  const matchedGoldEntities = new Set(entityMap.values());
  for (const g of gold.entities)
    if (!matchedGoldEntities.has(g.id))
      misses.push({ kind: 'entities', side: 'missed', fact: `${g.id} (${g.kind}) "${g.name}"` });
  for (const x of extracted.entities)
    if (!entityMap.has(x.id) && !isNeutral(x.id))
      misses.push({ kind: 'entities', side: 'spurious', fact: `${x.id} (${x.kind}) "${x.mention ?? x.name}"` });
  roleMatched.unmatchedGold.forEach((g) =>
    misses.push({ kind: 'roles', side: 'missed', fact: `${g.person} ${g.title} of ${g.org}` }),
  );
  roleMatched.unmatchedExtracted.forEach((x) =>
    misses.push({ kind: 'roles', side: 'spurious', fact: `${x.person} ${x.title} of ${x.org}` }),
  );
  const matchedGoldEvents = new Set(eventMap.values());
  for (const g of gold.events)
    if (!matchedGoldEvents.has(g.id))
      misses.push({ kind: 'events', side: 'missed', fact: `${g.id} (${g.type}, ${g.date ?? 'undated'})` });
  for (const x of extracted.events)
    if (!eventMap.has(x.id) && !neutralEventIds.has(x.id))
      misses.push({
        kind: 'events',
        side: 'spurious',
        fact: `${x.id} (${x.type}, ${x.date ?? 'undated'}): "${x.quotes[0]?.slice(0, 90)}"`,
      });
  for (const [kind, result] of [
    ['stances', stanceMatched],
    ['targetedStances', targetedMatched],
  ] as const) {
    result.unmatchedGold.forEach((g) =>
      misses.push({ kind, side: 'missed', fact: `${g.actor} ${g.kind} ${g.target}` }),
    );
    result.unmatchedExtracted.forEach((x) =>
      misses.push({ kind, side: 'spurious', fact: `${x.actor} ${x.kind} ${x.target}: "${x.quote.slice(0, 80)}"` }),
    );
  }

  const score = (extractedCount: number, goldCount: number, matched: number): Score => ({
    extracted: extractedCount,
    gold: goldCount,
    matched,
  });
  return {
    scores: {
      entities: score(extracted.entities.length - neutralIds.size, gold.entities.length, entityMap.size),
      roles: score(extracted.roles.length - roleMatched.ignored, gold.roles.length, roleMatched.matched),
      events: score(extracted.events.length - neutralEvents.length, gold.events.length, eventMap.size),
      stances: score(extracted.stances.length - stanceMatched.ignored, gold.stances.length, stanceMatched.matched),
      targetedStances: score(
        extracted.stances.length - targetedMatched.ignored,
        gold.stances.length,
        targetedMatched.matched,
      ),
    },
    misses,
  };
}

/**
 * Extracted id -> curated id: each rule in turn pairs the extracted items still unpaired with the first
 * curated item still free that it accepts, so an earlier (stricter) rule wins.
 */
function matchByRules<T extends { id: string }>(
  extracted: T[],
  gold: T[],
  rules: ((x: T, g: T) => boolean)[],
): Map<string, string> {
  const map = new Map<string, string>();
  const taken = new Set<string>();
  for (const rule of rules) {
    for (const x of extracted) {
      if (map.has(x.id)) continue;
      const g = gold.find((c) => !taken.has(c.id) && rule(x, c));
      if (g) {
        map.set(x.id, g.id);
        taken.add(g.id);
      }
    }
  }
  return map;
}

/** Extracted entity id -> curated entity id. */
export function matchEntities(extracted: Entity[], gold: Entity[], text: string): Map<string, string> {
  const names = (e: Entity): Set<string> => new Set([e.name, ...e.aliases].map(normalizeName));
  const range = (e: Entity): [number, number] | null => {
    if (!e.mention) return null;
    const at = text.indexOf(e.mention);
    return at < 0 ? null : [at, at + e.mention.length];
  };
  const rules: ((x: Entity, g: Entity) => boolean)[] = [
    (x, g) => x.id === g.id,
    (x, g) => bodyKind(x.kind) === bodyKind(g.kind) && [...names(x)].some((n) => names(g).has(n)),
    (x, g) => {
      const a = range(x);
      const b = range(g);
      return bodyKind(x.kind) === bodyKind(g.kind) && a !== null && b !== null && a[0] < b[1] && b[0] < a[1];
    },
  ];
  return matchByRules(extracted, gold, rules);
}

/** Extracted event id -> curated event id, given the entity matching. */
export function matchEvents(extracted: Event[], gold: Event[], mapEntity: (id: string) => string): Map<string, string> {
  const participants = (e: Event): string[] => [...e.by, ...e.targets].map(linkId);
  const rules: ((x: Event, g: Event) => boolean)[] = [
    (x, g) => x.id === g.id,
    (x, g) =>
      sameEventFamily(x.type, g.type) &&
      datesOverlap(x.date, g.date) &&
      participants(x).some((p) => participants(g).includes(mapEntity(p))),
  ];
  return matchByRules(extracted, gold, rules);
}

/** One-to-one matching in order; an unmatched extracted fact that `ignore` accepts is counted as `ignored`. */
function countMatches<X, G>(
  extracted: X[],
  gold: G[],
  same: (x: X, g: G) => boolean,
  ignore: (x: X) => boolean = () => false,
): { matched: number; ignored: number; unmatchedGold: G[]; unmatchedExtracted: X[] } {
  const free = [...gold];
  const unmatchedExtracted: X[] = [];
  let ignored = 0;
  for (const x of extracted) {
    const i = free.findIndex((g) => same(x, g));
    if (i >= 0) free.splice(i, 1);
    else if (ignore(x)) ignored++;
    else unmatchedExtracted.push(x);
  }
  return { matched: gold.length - free.length, ignored, unmatchedGold: free, unmatchedExtracted };
}
