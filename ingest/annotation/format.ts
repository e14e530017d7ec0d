import { z } from 'zod';
import { ENTITY_KINDS, EVENT_TYPES, RELATION_TYPES, STANCE_KINDS } from '../../src/core/vocabulary';

/** Slugs are the identity of an entity across articles, so they are kept strict. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ISO dates of three precisions: YYYY, YYYY-MM, YYYY-MM-DD. */
export const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

/** Parses an ISO date of any of the three precisions; null when it is not a real calendar date. */
export function parseIsoDate(value: string): { precision: DatePrecision } | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { precision: 'month' };
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return { precision: 'day' };
}

const slug = z.string().regex(SLUG, 'must be a slug: lowercase letters, digits and single hyphens');
const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, and a real day');
const quote = z.string().trim().min(3, 'a quote must be at least 3 characters');
const confidence = z.number().min(0).max(1).optional();

export const ArticleMetaSchema = z.strictObject({
  file: z.string().min(1),
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, _ . or -')
    .optional(),
  title: z.string().trim().min(1),
  published: isoDate.optional(),
  author: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1).optional(),
  url: z.url().optional(),
});

export const EntitySchema = z.strictObject({
  id: slug,
  kind: z.enum(ENTITY_KINDS),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  type: z.string().trim().min(1).optional(),
  description: z.string().trim().min(1).optional(),
  mention: quote.optional(),
  confidence,
});

export const RoleSchema = z.strictObject({
  person: slug,
  title: z.string().trim().min(1),
  org: slug,
  start: isoDate.optional(),
  end: isoDate.optional(),
  quote,
  confidence,
});

export const RelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  from: slug,
  to: slug,
  quote,
  confidence,
});

/** An edge of an event: a bare id takes the event's quotes as evidence, an object brings its own. */
export const EventLinkSchema = z.union([slug, z.strictObject({ id: slug, quote })]);

export const EventSchema = z.strictObject({
  id: slug,
  type: z.enum(EVENT_TYPES),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  date: isoDate.optional(),
  summary: z.string().trim().min(1).optional(),
  by: z.array(EventLinkSchema).default([]),
  targets: z.array(EventLinkSchema).default([]),
  concerns: z.array(EventLinkSchema).default([]),
  quotes: z.array(quote).min(1, 'an event needs at least one quote'),
  confidence,
});

export const StanceSchema = z.strictObject({
  actor: slug,
  kind: z.enum(STANCE_KINDS),
  target: slug,
  quote,
  confidence,
});

export const AnnotationSchema = z.strictObject({
  article: ArticleMetaSchema,
  origin: z.enum(['curated', 'extracted']).default('curated'),
  entities: z.array(EntitySchema).default([]),
  roles: z.array(RoleSchema).default([]),
  relations: z.array(RelationSchema).default([]),
  events: z.array(EventSchema).default([]),
  stances: z.array(StanceSchema).default([]),
});

export type Annotation = z.infer<typeof AnnotationSchema>;
export type AnnotationInput = z.input<typeof AnnotationSchema>;
export type EntityAnnotation = z.infer<typeof EntitySchema>;
export type EventAnnotation = z.infer<typeof EventSchema>;
export type RoleAnnotation = z.infer<typeof RoleSchema>;
export type RelationAnnotation = z.infer<typeof RelationSchema>;
export type StanceAnnotation = z.infer<typeof StanceSchema>;
export type EventLink = z.infer<typeof EventLinkSchema>;
