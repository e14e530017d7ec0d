/**
 * When an extracted article may join an event the graph already holds.
 *
 * The extractor resolves event mentions against the gazetteer, so an extracted article can reuse the id of
 * an event it only resembles (another lawsuit, a later letter). It joins that event only when it agrees with
 * it: the same family of event type, a compatible date, and at least one shared actor or target. Otherwise
 * its event is an event of its own, under an id derived from the article and the id it reused.
 *
 * The check runs at write time, inside the write's transaction, against the graph, and not at plan time
 * against the gazetteer: the gazetteer is read once per run, while the graph is the truth when several runs
 * (or several batches of one run) have written events since, and a retraction in the same transaction has
 * just taken out what the article itself said before.
 */
import { createHash } from 'node:crypto';
import { EVENT_TYPE_FAMILIES, type EventType, FACT_TYPES } from '../src/core/vocabulary';
import { type FactRow, type GraphPlan, factKey } from './graph-plan';

/** An event as the graph holds it, with the ids of those who initiated it and of what it targeted. */
export interface GraphEvent {
  id: string;
  eventType: string;
  date: string | null;
  parties: string[];
}

/** What an article says of one event, for the agreement check. */
export interface EventClaim {
  eventType: string;
  date: string | null;
  parties: string[];
}

function family(type: string): string {
  return EVENT_TYPE_FAMILIES[type as EventType] ?? type;
}

/** Two ISO dates of any precision are compatible when one contains the other (2017 and 2017-08-14). */
export function compatibleDates(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.startsWith(b) || b.startsWith(a);
}

/** Whether an article's event and the graph's event with the same id describe the same action. */
export function agrees(claim: EventClaim, held: GraphEvent): boolean {
  return (
    family(claim.eventType) === family(held.eventType) &&
    compatibleDates(claim.date, held.date) &&
    claim.parties.some((id) => held.parties.includes(id))
  );
}

/** The id an article's own event gets when it disagrees with the graph's event of the id it reused. */
export function separateEventId(eventId: string, articleId: string): string {
  const tag = createHash('sha256').update(`${articleId}\u0000${eventId}`).digest('hex').slice(0, 8);
  return `${eventId}-${tag}`;
}

/** The initiators and targets a plan gives each of its events. */
function partiesOf(plan: GraphPlan, eventId: string): string[] {
  return [
    ...plan.facts.INITIATED.filter((f) => f.to === eventId).map((f) => f.from),
    ...plan.facts.TARGETS.filter((f) => f.from === eventId).map((f) => f.to),
  ];
}

/** The ids of a plan's events that need the check: those of extracted articles (curated ones always join). */
export function eventsToCheck(plan: GraphPlan): string[] {
  return plan.article.origin === 'extracted' ? plan.events.map((e) => e.id) : [];
}

/**
 * The plan with every extracted event that disagrees with the graph's event of the same id renamed to an id
 * of its own, in its event row, mentions and facts (and so in the fact keys a later retraction reads).
 * `held` are the graph's events of those ids that some article mentions. The same plan and graph give the
 * same ids, so a rerun writes the same graph.
 */
export function reconcileEvents(plan: GraphPlan, held: Map<string, GraphEvent>): GraphPlan {
  if (plan.article.origin !== 'extracted') return plan;
  const renamed = new Map<string, string>();
  for (const event of plan.events) {
    const existing = held.get(event.id);
    if (!existing) continue;
    const claim = { eventType: event.eventType, date: event.date, parties: partiesOf(plan, event.id) };
    if (!agrees(claim, existing)) renamed.set(event.id, separateEventId(event.id, plan.article.id));
  }
  if (renamed.size === 0) return plan;
  const to = (id: string): string => renamed.get(id) ?? id;
  const facts = Object.fromEntries(
    FACT_TYPES.map((type) => [
      type,
      plan.facts[type].map((f): FactRow => ({
        ...f,
        from: to(f.from),
        to: to(f.to),
        key: factKey(type, to(f.from), to(f.to), f.title ?? ''),
      })),
    ]),
  ) as GraphPlan['facts'];
  return {
    ...plan,
    events: plan.events.map((e) => ({ ...e, id: to(e.id) })),
    mentions: plan.mentions.map((m) => ({ ...m, id: to(m.id) })),
    facts,
    factKeys: plan.factKeys.map((key) => {
      const [type, from, toId, ...rest] = key.split('|');
      return [type, to(from!), to(toId!), ...rest].join('|');
    }),
  };
}
