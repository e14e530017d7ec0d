import { basename, extname } from 'node:path';
import type { AnnotationInput, EventLink, RoleAnnotation } from '../annotation/format';
import type { ArticleDocument } from '../article/read';
import { findStatements } from './attribution';
import { buildContext, type ArticleContext } from './context';
import { addCoreferentMentions } from './coreference';
import { extractEvents, type ExtractedEvent } from './events';
import type { Gazetteer } from './gazetteer';
import { findMentions } from './mentions';
import { resolveMentions, type EntityTable, type ResolvedEntity } from './resolve';
import { extractRoles } from './roles';
import { extractStances, type ExtractedStance } from './stances';
import { isModifier } from './subjects';

/** Places whose name is often an adjective of nationality ("U.S. agents"). */
const PLACE_KINDS = new Set(['country']);

export { gazetteerFromAnnotations, learnEntities } from './gazetteer';
export type { Gazetteer, GazetteerEntity, GazetteerEvent } from './gazetteer';

export interface ExtractOptions {
  /** Entities below this confidence are left out unless a fact refers to them (default 0.5). */
  minEntityConfidence?: number;
}

/**
 * Extracts an annotation (entities, roles, events, stances) from an article, offline, with
 * rules over compromise's tags and the gazetteer of known entities and events. Every quote is a
 * verbatim substring of doc.text; the result passes AnnotationSchema.
 */
export function extractAnnotation(
  doc: ArticleDocument,
  gazetteer: Gazetteer,
  options: ExtractOptions = {},
): AnnotationInput {
  const ctx = buildContext(doc, gazetteer);
  const found = findMentions(ctx);
  const table = resolveMentions(ctx, found);
  const roles = extractRoles(ctx, found, table);
  const mentions = addCoreferentMentions(ctx, found, table);
  const events = extractEvents(ctx, mentions, table);
  const statements = findStatements(ctx, mentions, table);
  const stances = extractStances(ctx, mentions, table, events, statements);

  return assembleAnnotation(ctx, table, roles, events, stances, options);
}

/**
 * The annotation of an article from its extracted facts: entities that a fact refers to or that were named
 * with enough confidence, and every fact with its quote. Shared by the rule and the structure extractor.
 */
export function assembleAnnotation(
  ctx: ArticleContext,
  table: EntityTable,
  roles: RoleAnnotation[],
  events: ExtractedEvent[],
  stances: ExtractedStance[],
  options: ExtractOptions = {},
): AnnotationInput {
  const doc = ctx.doc;
  const referenced = new Set<string>([
    ...roles.flatMap((r) => [r.person, r.org]),
    ...events.flatMap((e) => [...e.by, ...e.targets, ...e.concerns].map((x) => x.id)),
    ...stances.flatMap((s) => [s.actor.id, ...('entity' in s.target ? [s.target.entity.id] : [])]),
  ]);
  const minConfidence = options.minEntityConfidence ?? 0.5;
  // A country named only as a modifier ("U.S. immigration agents") is not a party of the article.
  const onlyModifier = (e: ResolvedEntity): boolean =>
    e.kind === 'jurisdiction' &&
    PLACE_KINDS.has(e.type ?? '') &&
    e.mentions.every((m) => m.coreferent || isModifier(ctx, m));
  const entities = [...table.entities.values()].filter(
    (e) => referenced.has(e.id) || (e.mentions.length > 0 && e.confidence >= minConfidence && !onlyModifier(e)),
  );

  return {
    article: articleMeta(doc),
    origin: 'extracted',
    entities: entities.map((e) => entityOutput(e)),
    roles,
    relations: [],
    events: events.map((e) => eventOutput(ctx, e)),
    stances: stances.map((s) => stanceOutput(ctx, s)),
  };
}

function articleMeta(doc: ArticleDocument): AnnotationInput['article'] {
  const firstLine =
    doc.text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? doc.file;
  const meta: AnnotationInput['article'] = {
    file: doc.file,
    id: basename(doc.file, extname(doc.file)),
    title: doc.meta.title ?? firstLine,
  };
  if (doc.meta.published) meta.published = doc.meta.published;
  if (doc.meta.author) meta.author = doc.meta.author;
  if (doc.meta.source) meta.source = doc.meta.source;
  if (doc.meta.url) meta.url = doc.meta.url;
  return meta;
}

function entityOutput(e: ResolvedEntity): NonNullable<AnnotationInput['entities']>[number] {
  const out: NonNullable<AnnotationInput['entities']>[number] = {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: [...e.aliases].filter((a) => a !== e.name),
    confidence: round(e.confidence || 0.5),
  };
  if (e.type) out.type = e.type;
  const mention = e.mentions.find((m) => !m.coreferent && m.text.trim().length >= 3);
  if (mention) out.mention = mention.text;
  return out;
}

function eventOutput(ctx: ArticleContext, e: ExtractedEvent): NonNullable<AnnotationInput['events']>[number] {
  const ids = (list: ResolvedEntity[]): EventLink[] => list.map((x) => x.id);
  const out: NonNullable<AnnotationInput['events']>[number] = {
    id: e.id,
    type: e.type,
    name: e.name,
    by: ids(e.by),
    targets: ids(e.targets),
    concerns: ids(e.concerns),
    quotes: [...new Set(e.sentences)].map((i) => ctx.sentences[i]?.text ?? '').filter((q) => q.trim().length >= 3),
    confidence: round(e.confidence),
  };
  if (e.date) out.date = e.date;
  return out;
}

function stanceOutput(ctx: ArticleContext, s: ExtractedStance): NonNullable<AnnotationInput['stances']>[number] {
  return {
    actor: s.actor.id,
    kind: s.kind,
    target: 'event' in s.target ? s.target.event.id : s.target.entity.id,
    quote: ctx.sentences[s.sentence]?.text ?? '',
    confidence: round(s.confidence),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
