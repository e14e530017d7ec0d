import type { EntityKind } from '../../src/core/vocabulary';
import type { ArticleContext } from './context';
import type { GazetteerEntity } from './gazetteer';
import type { Mention } from './mentions';
import {
  acronymsOf,
  nameSimilarity,
  normalizeName,
  sameFirstName,
  samePersonName,
  singularName,
  slugify,
  surnameOf,
} from './names';
import { hasTag } from './word-tags';

/** An entity of the article: known from the gazetteer or new, with the mentions that name it. */
export interface ResolvedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  type?: string;
  /** Other names the article uses for it. */
  aliases: Set<string>;
  mentions: Mention[];
  known: boolean;
  confidence: number;
}

/** Names this close (Dice on bigrams) are taken as spelling variants: "San Bernadino" and "San Bernardino". */
const SIMILAR_NAME = 0.88;
const SPEECH_VERB = /^\s*,?\s*(said|says|told|tweeted|added|noted|argued|wrote|stated|declared|warned)\b/i;
const SPEECH_VERB_BEFORE = /\b(said|says|according to)\s*$/i;

/** The article's entities, and for every mention the entity it names. */
export class EntityTable {
  readonly entities = new Map<string, ResolvedEntity>();
  private readonly takenIds = new Set<string>();

  constructor(private readonly ctx: ArticleContext) {
    for (const e of ctx.gazetteer.gazetteer.entities) this.takenIds.add(e.id);
  }

  get(id: string): ResolvedEntity | undefined {
    return this.entities.get(id);
  }

  /** The entity of a mention, or undefined when the mention was dropped (an unconfirmed one-word name). */
  of(mention: Mention): ResolvedEntity | undefined {
    return mention.entityId ? this.entities.get(mention.entityId) : undefined;
  }

  /** Adds (or finds) an entity by name, for entities that facts need but the text names only indirectly. */
  ensure(name: string, kind: EntityKind, type?: string): ResolvedEntity {
    const known = this.findKnown(name, kind);
    if (known) return this.fromKnown(known);
    // "Department of Justice" is the "Justice Department" the article named.
    const keys = (n: string): string[] => [n, ...nameVariants(n)].map(normalizeName);
    const local = [...this.entities.values()].find(
      (e) => compatible(e.kind, kind) && keys(e.name).some((k) => keys(name).includes(k)),
    );
    return local ?? this.create(name, kind, type, 0.6);
  }

  /**
   * Makes two entities the text equates one: a known entity absorbs a new one, else the one with a proper name
   * absorbs the bill number (which stays an alias); the other's mentions and names move to it.
   */
  merge(a: ResolvedEntity, b: ResolvedEntity): ResolvedEntity {
    const isBill = (e: ResolvedEntity): boolean => e.type === 'bill' || e.mentions.every((m) => m.type === 'bill');
    const keep = a.known !== b.known ? (a.known ? a : b) : isBill(a) && !isBill(b) ? b : a;
    this.fold(keep, keep === a ? b : a);
    return keep;
  }

  /** Folds `from` into `into`: its mentions, its names as aliases, the higher confidence; `from` leaves the table. */
  fold(into: ResolvedEntity, from: ResolvedEntity): void {
    if (into === from) return;
    for (const m of from.mentions) {
      m.entityId = into.id;
      into.mentions.push(m);
    }
    for (const alias of [from.name, ...from.aliases])
      if (normalizeName(alias) !== normalizeName(into.name)) into.aliases.add(alias);
    into.confidence = Math.max(into.confidence, from.confidence);
    this.entities.delete(from.id);
  }

  attach(mention: Mention, entity: ResolvedEntity): void {
    mention.entityId = entity.id;
    entity.mentions.push(mention);
    entity.confidence = Math.max(entity.confidence, mention.confidence);
    if (
      !mention.coreferent &&
      normalizeName(mention.text) !== normalizeName(entity.name) &&
      mention.kind === entity.kind
    )
      entity.aliases.add(mention.text);
  }

  fromKnown(known: GazetteerEntity): ResolvedEntity {
    const existing = this.entities.get(known.id);
    if (existing) return existing;
    const entity: ResolvedEntity = {
      id: known.id,
      kind: known.kind,
      name: known.name,
      aliases: new Set(),
      mentions: [],
      known: true,
      confidence: 0,
    };
    if (known.type) entity.type = known.type;
    this.entities.set(entity.id, entity);
    return entity;
  }

  create(name: string, kind: EntityKind, type: string | undefined, confidence: number): ResolvedEntity {
    let id = slugify(name);
    if (this.takenIds.has(id)) id = slugify(`${name} ${kind}`);
    for (let n = 2; this.takenIds.has(id); n++) id = `${slugify(name)}-${n}`;
    this.takenIds.add(id);
    const entity: ResolvedEntity = { id, kind, name, aliases: new Set(), mentions: [], known: false, confidence };
    if (type) entity.type = type;
    this.entities.set(id, entity);
    return entity;
  }

  /** A gazetteer entity of a compatible kind by name or alias, by reordered name, or by a close spelling. */
  findKnown(name: string, kind: EntityKind): GazetteerEntity | undefined {
    const index = this.ctx.gazetteer;
    for (const variant of nameVariants(name)) {
      const hit = index.named(variant).find((e) => compatible(e.kind, kind));
      if (hit) return hit;
    }
    if (/^[A-Z]{2,6}$/.test(name.replace(/\./g, ''))) {
      const acronym = name.replace(/\./g, '');
      const hit = index.gazetteer.entities.find((e) => e.kind !== 'person' && acronymsOf(e.name).includes(acronym));
      if (hit) return hit;
    }
    if (kind === 'person') {
      // "Dave Cortese" is "David Cortese", "Sozi Pedro Tulante" is "Sozi Tulante".
      const hit = index.gazetteer.entities.find(
        (e) => e.kind === 'person' && [e.name, ...e.aliases].some((n) => samePersonName(n, name)),
      );
      if (hit) return hit;
    }
    if (kind === 'program') {
      const key = singularName(name);
      const hit = index.gazetteer.entities.find(
        (e) => e.kind === 'program' && [e.name, ...e.aliases].some((n) => singularName(n) === key),
      );
      if (hit) return hit;
    }
    return index.gazetteer.entities.find((e) => e.kind === kind && nameSimilarity(e.name, name) >= SIMILAR_NAME);
  }
}

/** Agencies and organizations are told apart by cue words, which can mislead: they may match each other. */
function compatible(a: EntityKind, b: EntityKind): boolean {
  const body = (k: EntityKind): boolean => k === 'agency' || k === 'organization';
  return a === b || (body(a) && body(b));
}

/** "Justice Department" is also written "Department of Justice". */
function nameVariants(name: string): string[] {
  const variants = [name];
  const m = /^(.+?) (Department|Dept\.)$/.exec(name);
  if (m?.[1]) variants.push(`Department of ${m[1]}`);
  return variants;
}

/**
 * Resolves every mention to an entity. Full names first, in text order, so that one-word names
 * ("Garcetti", "Mr. Sessions") can then refer back to a person of the article or of the gazetteer.
 */
export function resolveMentions(ctx: ArticleContext, mentions: Mention[]): EntityTable {
  const table = new EntityTable(ctx);
  for (const m of mentions) {
    if (m.surnameOnly && !m.known) continue;
    table.attach(m, resolveFull(ctx, table, m));
  }
  for (const m of mentions) {
    if (!m.surnameOnly || m.known) continue;
    const entity = resolveSurname(ctx, table, m);
    if (entity) table.attach(m, entity);
  }
  for (const [a, b] of equatedBills(ctx, mentions)) {
    const x = table.of(a);
    const y = table.of(b);
    if (x && y && x !== y) table.merge(x, y);
  }
  return table;
}

/** Text between a bill's number and its name that says they are one: "Senate Bill 31, known as the ...". */
const NUMBER_THEN_NAME =
  /^["”’']?,?\s*(?:(?:also|better|commonly|now)\s+)?(?:known as|called|dubbed|named)\s+(?:the\s+)?["“‘']?$/i;
/** ... and between a name and the number that follows it: "the Illinois TRUST Act, SB 31", "(SB 31)". */
const NAME_THEN_NUMBER = /^["”’']?\s*(?:,|\(|—|–)\s*$/;

/**
 * Pairs of program mentions, one a bill's number, that the text equates side by side: "Senate Bill 31, known as
 * the Illinois TRUST Act", "the Keep Texas Safe Act (SB 4)". One law, so one entity.
 */
function equatedBills(ctx: ArticleContext, mentions: Mention[]): [Mention, Mention][] {
  const programs = mentions.filter((m) => m.kind === 'program' && m.entityId !== undefined);
  const pairs: [Mention, Mention][] = [];
  for (const [i, a] of programs.entries()) {
    const b = programs[i + 1];
    if (!b || a.sentence !== b.sentence || (a.type === 'bill') === (b.type === 'bill')) continue;
    const between = ctx.text.slice(a.end, b.start);
    if ((a.type === 'bill' ? NUMBER_THEN_NAME : NAME_THEN_NUMBER).test(between)) pairs.push([a, b]);
  }
  return pairs;
}

function resolveFull(ctx: ArticleContext, table: EntityTable, m: Mention): ResolvedEntity {
  if (m.known) return table.fromKnown(m.known);
  const known = table.findKnown(m.name, m.kind) ?? (m.text !== m.name ? table.findKnown(m.text, m.kind) : undefined);
  if (known) return table.fromKnown(known);
  const local = [...table.entities.values()].find((e) => {
    if (!compatible(e.kind, m.kind)) return false;
    if (normalizeName(e.name) === normalizeName(m.name)) return true;
    if (m.kind === 'person' && e.kind === 'person' && normalizeName(surnameOf(e.name)) === normalizeName(m.text))
      return true;
    if (m.kind === 'person' && e.kind === 'person' && samePersonName(e.name, m.name)) return true;
    if (m.kind === 'program' && e.kind === 'program' && singularName(e.name) === singularName(m.name)) return true;
    if (m.kind !== 'person' && /^[A-Z]{2,6}$/.test(m.text) && acronymsOf(e.name).includes(m.text)) return true;
    return e.kind === m.kind && nameSimilarity(e.name, m.name) >= SIMILAR_NAME;
  });
  if (local) return local;
  // The acronym came first ("JAG ... the Justice Assistance Grant"): the entity takes the full name.
  const acronym = [...table.entities.values()].find(
    (e) =>
      e.kind !== 'person' &&
      m.kind !== 'person' &&
      /^[A-Z]{2,6}$/.test(e.name) &&
      m.name.includes(' ') &&
      acronymsOf(m.name).includes(e.name),
  );
  if (acronym) {
    acronym.aliases.add(acronym.name);
    acronym.name = m.name;
    acronym.kind = m.kind === 'organization' ? acronym.kind : m.kind;
    return acronym;
  }
  return table.create(m.name, m.kind, m.type, m.confidence);
}

/**
 * A one-word name is a person of the article with that surname, else a gazetteer person with
 * it; failing both it is a new person only when the text treats it as one (a speaker, a title,
 * a word compromise knows as a name).
 */
function resolveSurname(ctx: ArticleContext, table: EntityTable, m: Mention): ResolvedEntity | undefined {
  const key = normalizeName(m.text);
  const all = [...table.entities.values()];
  // "Miami-Dade" alone, after "Miami-Dade Mayor Carlos Gimenez": the place, not a surname.
  const body = all.find((e) => e.kind !== 'person' && [e.name, ...e.aliases].some((n) => normalizeName(n) === key));
  if (body) return body;
  const people = all.filter((e) => e.kind === 'person' && normalizeName(surnameOf(e.name)) === key);
  const nearest = people.sort((a, b) => distance(a, m) - distance(b, m))[0];
  if (nearest) return nearest;
  // A first name alone ("Jeff, these stunts ...") is the one person of the article who has it.
  const byFirst = all.filter(
    (e) =>
      e.kind === 'person' && e.name.includes(' ') && key.length > 1 && sameFirstName(e.name.split(' ')[0] ?? '', key),
  );
  if (byFirst.length === 1 && byFirst[0] && hasTag(ctx.tags, m.start, 'FirstName')) return byFirst[0];
  const known = ctx.gazetteer.withSurname(m.text);
  if (known.length === 1 && known[0]) return table.fromKnown(known[0]);
  const after = ctx.text.slice(m.end, m.end + 20);
  const before = ctx.text.slice(Math.max(0, m.start - 20), m.start);
  const treatedAsPerson =
    m.title !== undefined ||
    SPEECH_VERB.test(after) ||
    SPEECH_VERB_BEFORE.test(before) ||
    hasTag(ctx.tags, m.start, 'Person', 'LastName');
  return treatedAsPerson ? table.create(m.text, 'person', undefined, 0.5) : undefined;
}

function distance(e: ResolvedEntity, m: Mention): number {
  return Math.min(...e.mentions.map((x) => Math.abs(x.start - m.start)));
}
