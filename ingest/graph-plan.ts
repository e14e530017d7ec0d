import { createHash } from 'node:crypto';
import { type Annotation, type EventLink, parseIsoDate } from './annotation/format';
import { FACT_TYPES, type FactType, KIND_LABELS, type Origin } from '../src/core/vocabulary';
import type { ArticleDocument } from './article/read';

export interface EntityRow {
  id: string;
  name: string;
  aliases: string[];
  type: string | null;
  description: string | null;
  /** The origin of the article declaring it: the writer never lets an extracted row change a curated node. */
  origin: Origin;
}

export interface EventRow {
  id: string;
  name: string;
  aliases: string[];
  eventType: string;
  date: string | null;
  datePrecision: string | null;
  summary: string | null;
  origin: Origin;
}

/** One fact of one article, with the quotes that state it there. */
export interface FactRow {
  key: string;
  from: string;
  to: string;
  title: string | null;
  start: string | null;
  end: string | null;
  quotes: string[];
  confidences: number[];
  /** Curated and extracted statements of one fact are two relationships: the extracted never touches the curated. */
  origin: Origin;
}

/**
 * What one article says about one node it names: the words it uses (quote) and the values it gives the
 * node's properties. Stored on the article's MENTIONS, so that every source's value survives beside the one
 * the node holds and goes with the article when it is retracted.
 */
export interface MentionClaim {
  quote: string | null;
  confidence: number | null;
  name: string;
  eventType: string | null;
  date: string | null;
  type: string | null;
  description: string | null;
  summary: string | null;
}

export interface MentionRow {
  id: string;
  claim: MentionClaim;
}

export interface ArticleRow {
  id: string;
  file: string;
  title: string;
  url: string | null;
  published: string | null;
  author: string | null;
  source: string | null;
  origin: string;
  contentHash: string;
  annotationHash: string;
  /** The article's plain text, the one its quotes were checked against: the explorer's reader shows it. */
  text: string;
}

/** What one article puts in the graph, grouped so each group is one UNWIND statement. */
export interface GraphPlan {
  article: ArticleRow;
  entities: Record<string, EntityRow[]>;
  events: EventRow[];
  facts: Record<FactType, FactRow[]>;
  mentions: MentionRow[];
  factKeys: string[];
}

/** Hash of an annotation's content, to skip articles whose facts have not changed. */
export function annotationHash(annotation: Annotation): string {
  return createHash('sha256').update(JSON.stringify(annotation)).digest('hex');
}

/** The identity of a fact across articles (without its origin, which the relationship carries beside it). */
export function factKey(type: FactType, from: string, to: string, discriminator = ''): string {
  return `${type}|${from}|${to}|${discriminator.toLowerCase()}`;
}

/** Turns a checked annotation of an article into the rows the writer merges into the graph. */
export function planArticle(annotation: Annotation, doc: ArticleDocument): GraphPlan {
  const meta = annotation.article;
  const origin = annotation.origin;
  const articleId = meta.id ?? doc.file.replace(/\.[^.]+$/, '');
  const facts = Object.fromEntries(FACT_TYPES.map((t) => [t, [] as FactRow[]])) as Record<FactType, FactRow[]>;
  const byKey = new Map<string, FactRow>();

  const addFact = (
    type: FactType,
    from: string,
    to: string,
    quotes: string[],
    confidence: number | undefined,
    extra: { title?: string; start?: string; end?: string } = {},
  ): void => {
    const key = factKey(type, from, to, extra.title);
    let row = byKey.get(key);
    if (!row) {
      row = {
        key,
        from,
        to,
        title: extra.title ?? null,
        start: extra.start ?? null,
        end: extra.end ?? null,
        quotes: [],
        confidences: [],
        origin,
      };
      byKey.set(key, row);
      facts[type].push(row);
    }
    for (const q of quotes) {
      if (!row.quotes.includes(q)) {
        row.quotes.push(q);
        row.confidences.push(confidence ?? 1);
      }
    }
  };
  const linkParts = (l: EventLink, fallback: string[]): [string, string[]] =>
    typeof l === 'string' ? [l, fallback] : [l.id, [l.quote]];

  for (const r of annotation.roles) {
    addFact('HOLDS_ROLE', r.person, r.org, [r.quote], r.confidence, { title: r.title, start: r.start, end: r.end });
  }
  for (const r of annotation.relations) addFact(r.type, r.from, r.to, [r.quote], r.confidence);
  for (const e of annotation.events) {
    for (const l of e.by) {
      const [id, quotes] = linkParts(l, e.quotes);
      addFact('INITIATED', id, e.id, quotes, e.confidence);
    }
    for (const l of e.targets) {
      const [id, quotes] = linkParts(l, e.quotes);
      addFact('TARGETS', e.id, id, quotes, e.confidence);
    }
    for (const l of e.concerns) {
      const [id, quotes] = linkParts(l, e.quotes);
      addFact('CONCERNS', e.id, id, quotes, e.confidence);
    }
  }
  for (const s of annotation.stances) addFact(s.kind, s.actor, s.target, [s.quote], s.confidence);

  const entities: Record<string, EntityRow[]> = {};
  for (const e of annotation.entities) {
    const label = KIND_LABELS[e.kind];
    (entities[label] ??= []).push({
      id: e.id,
      name: e.name,
      aliases: [...new Set(e.aliases.filter((a) => a !== e.name))],
      type: e.type ?? null,
      description: e.description ?? null,
      origin,
    });
  }
  const events: EventRow[] = annotation.events.map((e) => ({
    id: e.id,
    name: e.name,
    aliases: [...new Set(e.aliases.filter((a) => a !== e.name))],
    eventType: e.type,
    date: e.date ?? null,
    datePrecision: e.date ? parseIsoDate(e.date)!.precision : null,
    summary: e.summary ?? null,
    origin,
  }));
  const none = { eventType: null, date: null, type: null, description: null, summary: null };
  const mentions: MentionRow[] = [
    ...annotation.entities.map((e) => ({
      id: e.id,
      claim: {
        ...none,
        quote: e.mention ?? null,
        confidence: e.confidence ?? null,
        name: e.name,
        type: e.type ?? null,
        description: e.description ?? null,
      },
    })),
    ...annotation.events.map((e) => ({
      id: e.id,
      claim: {
        ...none,
        quote: e.quotes[0] ?? null,
        confidence: e.confidence ?? null,
        name: e.name,
        eventType: e.type,
        date: e.date ?? null,
        summary: e.summary ?? null,
      },
    })),
  ];

  return {
    article: {
      id: articleId,
      file: doc.file,
      title: meta.title,
      url: meta.url ?? null,
      published: meta.published ?? null,
      author: meta.author ?? null,
      source: meta.source ?? null,
      origin: annotation.origin,
      contentHash: doc.contentHash,
      annotationHash: annotationHash(annotation),
      text: doc.text,
    },
    entities,
    events,
    facts,
    mentions,
    factKeys: [...byKey.keys()],
  };
}
