import { FACT_TYPES, type FactType } from '../src/core/vocabulary';
import { eventsToCheck } from './event-agreement';
import {
  type FactRow,
  type GraphPlan,
  type ArticleRow,
  type EntityRow,
  type EventRow,
  type MentionClaim,
} from './graph-plan';

/** One fact merged across the articles of a write: evidence lists parallel, one entry per quote. */
export interface CombinedFactRow extends FactRow {
  /** The article of each quote, parallel to quotes. */
  articles: string[];
  /** The distinct articles stating the fact, in order. */
  sources: string[];
}

/** What one write merges into the graph, one UNWIND statement per group, whatever the number of articles. */
export interface CombinedRows {
  articles: (ArticleRow & { factKeys: string[] })[];
  entities: Record<string, EntityRow[]>;
  events: EventRow[];
  mentions: { article: string; id: string; claim: MentionClaim }[];
  facts: Record<FactType, CombinedFactRow[]>;
  /** Every node the write declares with its label, for the kind-conflict check against the graph. */
  declared: { id: string; label: string }[];
  /** Events of extracted articles: each may join the graph's event of its id only on agreement (event-agreement.ts). */
  eventsToCheck: string[];
}

/** Two articles of one write declare an id with different kinds: the write must go article by article. */
export class KindClashError extends Error {
  constructor(
    readonly id: string,
    readonly labels: [string, string],
  ) {
    super(`"${id}" is declared both as ${labels[0]} and as ${labels[1]}`);
  }
}

/**
 * An extracted article of the write declares an event that an earlier article of the same write declares:
 * whether it joins that event is decided against the graph, so the write must go article by article.
 */
export class EventJoinError extends Error {
  constructor(readonly id: string) {
    super(`the extracted event "${id}" must be checked against the event an earlier article declares`);
  }
}

/** Whether a row of `next` may change a node `held` so far: an extracted row never changes a curated node. */
function mayChange(held: { origin: string }, next: { origin: string }): boolean {
  return next.origin === 'curated' || held.origin !== 'curated';
}

/** A curated row taking over a node that only extracted rows declared so far: it replaces it whole. */
function takesOver(held: { origin: string }, next: { origin: string }): boolean {
  return next.origin === 'curated' && held.origin !== 'curated';
}

function unionInto(target: string[], values: string[]): void {
  for (const v of values) if (!target.includes(v)) target.push(v);
}

/**
 * Merges the plans of several articles into the rows of one write, with the result the graph would get from
 * writing them one after the other: later articles win a node's name, types and dates they state, aliases
 * accumulate, and a fact stated by several articles gets each article's quotes in order; but an extracted
 * article never changes a node a curated one declared (its values stay in its mention's claim), and a
 * curated article replaces a node only extracted ones declared. Throws EventJoinError when an extracted
 * article declares an event an earlier one does.
 */
export function combinePlans(plans: GraphPlan[]): CombinedRows {
  const labelOf = new Map<string, string>();
  const entities = new Map<string, { label: string; row: EntityRow }>();
  const events = new Map<string, EventRow>();
  const facts = new Map<string, { type: FactType; row: CombinedFactRow }>();
  const mentions: CombinedRows['mentions'] = [];

  const declare = (id: string, label: string): void => {
    const known = labelOf.get(id);
    if (known && known !== label) throw new KindClashError(id, [known, label]);
    labelOf.set(id, label);
  };

  for (const plan of plans) {
    const articleId = plan.article.id;
    for (const [label, rows] of Object.entries(plan.entities)) {
      for (const row of rows) {
        declare(row.id, label);
        const seen = entities.get(row.id);
        if (!seen || takesOver(seen.row, row)) {
          entities.set(row.id, { label, row: { ...row, aliases: [...row.aliases] } });
          continue;
        }
        if (!mayChange(seen.row, row)) continue;
        seen.row.name = row.name;
        unionInto(seen.row.aliases, row.aliases);
        seen.row.type = row.type ?? seen.row.type;
        seen.row.description = row.description ?? seen.row.description;
      }
    }
    const checked = new Set(eventsToCheck(plan));
    for (const row of plan.events) {
      declare(row.id, 'Event');
      const seen = events.get(row.id);
      if (seen && checked.has(row.id)) throw new EventJoinError(row.id);
      if (!seen || takesOver(seen, row)) {
        events.set(row.id, { ...row, aliases: [...row.aliases] });
        continue;
      }
      if (!mayChange(seen, row)) continue;
      seen.name = row.name;
      unionInto(seen.aliases, row.aliases);
      seen.eventType = row.eventType;
      seen.date = row.date ?? seen.date;
      seen.datePrecision = row.datePrecision ?? seen.datePrecision;
      seen.summary = row.summary ?? seen.summary;
    }
    for (const m of plan.mentions) mentions.push({ article: articleId, id: m.id, claim: m.claim });
    for (const type of FACT_TYPES) {
      for (const row of plan.facts[type]) {
        const id = `${type}\u0000${row.origin}\u0000${row.key}`;
        const seen = facts.get(id);
        const articles = row.quotes.map(() => articleId);
        if (!seen) {
          facts.set(id, {
            type,
            row: {
              ...row,
              quotes: [...row.quotes],
              confidences: [...row.confidences],
              articles,
              sources: [articleId],
            },
          });
          continue;
        }
        seen.row.title = row.title;
        seen.row.start = row.start;
        seen.row.end = row.end;
        seen.row.quotes.push(...row.quotes);
        seen.row.confidences.push(...row.confidences);
        seen.row.articles.push(...articles);
        unionInto(seen.row.sources, [articleId]);
      }
    }
  }

  const byLabel: Record<string, EntityRow[]> = {};
  for (const { label, row } of entities.values()) (byLabel[label] ??= []).push(row);
  const byType = Object.fromEntries(FACT_TYPES.map((t) => [t, [] as CombinedFactRow[]])) as Record<
    FactType,
    CombinedFactRow[]
  >;
  for (const { type, row } of facts.values()) byType[type].push(row);
  return {
    articles: plans.map((p) => ({ ...p.article, factKeys: p.factKeys })),
    entities: byLabel,
    events: [...events.values()],
    mentions,
    facts: byType,
    declared: [...labelOf].map(([id, label]) => ({ id, label })),
    eventsToCheck: plans.flatMap(eventsToCheck),
  };
}
