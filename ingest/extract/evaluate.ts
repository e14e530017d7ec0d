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

export type FactKind = 'entities' | 'roles' | 'events' | 'stances';
export const FACT_KINDS: readonly FactKind[] = ['entities', 'roles', 'events', 'stances'];

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
 * - stances: actor and kind equal, and the target matched (an event through the event matching).
 */
export function compareAnnotations(
  extractedInput: AnnotationInput,
  gold: Annotation,
  text: string,
  parse: (a: AnnotationInput) => Annotation,
): Comparison {
  const extracted = parse(extractedInput);
  const misses: Miss[] = [];
  const entityMap = matchEntities(extracted.entities, gold.entities, text);
  const mapEntity = (id: string): string => entityMap.get(id) ?? `?${id}`;

  const roleMatched = countMatches(
    extracted.roles,
    gold.roles,
    (x, g) => mapEntity(x.person) === g.person && mapEntity(x.org) === g.org,
  );
  const eventMap = matchEvents(extracted.events, gold.events, mapEntity);
  const mapTarget = (id: string): string => eventMap.get(id) ?? mapEntity(id);
  const stanceMatched = countMatches(
    extracted.stances,
    gold.stances,
    (x, g) => mapEntity(x.actor) === g.actor && x.kind === g.kind && mapTarget(x.target) === g.target,
  );

  const matchedGoldEntities = new Set(entityMap.values());
  for (const g of gold.entities)
    if (!matchedGoldEntities.has(g.id))
      misses.push({ kind: 'entities', side: 'missed', fact: `${g.id} (${g.kind}) "${g.name}"` });
  for (const x of extracted.entities)
    if (!entityMap.has(x.id))
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
    if (!eventMap.has(x.id))
      misses.push({
        kind: 'events',
        side: 'spurious',
        fact: `${x.id} (${x.type}, ${x.date ?? 'undated'}): "${x.quotes[0]?.slice(0, 90)}"`,
      });
  stanceMatched.unmatchedGold.forEach((g) =>
    misses.push({ kind: 'stances', side: 'missed', fact: `${g.actor} ${g.kind} ${g.target}` }),
  );
  stanceMatched.unmatchedExtracted.forEach((x) =>
    misses.push({
      kind: 'stances',
      side: 'spurious',
      fact: `${x.actor} ${x.kind} ${x.target}: "${x.quote.slice(0, 80)}"`,
    }),
  );

  return {
    scores: {
      entities: { extracted: extracted.entities.length, gold: gold.entities.length, matched: entityMap.size },
      roles: { extracted: extracted.roles.length, gold: gold.roles.length, matched: roleMatched.matched },
      events: { extracted: extracted.events.length, gold: gold.events.length, matched: eventMap.size },
      stances: { extracted: extracted.stances.length, gold: gold.stances.length, matched: stanceMatched.matched },
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
function matchEntities(extracted: Entity[], gold: Entity[], text: string): Map<string, string> {
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

/** Extracted event id -> curated event id. */
function matchEvents(extracted: Event[], gold: Event[], mapEntity: (id: string) => string): Map<string, string> {
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

function countMatches<X, G>(
  extracted: X[],
  gold: G[],
  same: (x: X, g: G) => boolean,
): { matched: number; unmatchedGold: G[]; unmatchedExtracted: X[] } {
  const free = [...gold];
  const unmatchedExtracted: X[] = [];
  for (const x of extracted) {
    const i = free.findIndex((g) => same(x, g));
    if (i >= 0) free.splice(i, 1);
    else unmatchedExtracted.push(x);
  }
  return { matched: gold.length - free.length, unmatchedGold: free, unmatchedExtracted };
}
