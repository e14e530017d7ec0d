/**
 * The graph model as the API sees it (docs/model.md): the only labels and relationship types a compiled
 * statement may contain. User input selects entries of these lists; it is never written into Cypher.
 */

/** The API's entity kinds and the node label of each. */
export const KIND_LABELS = {
  PERSON: 'Person',
  AGENCY: 'Agency',
  ORGANIZATION: 'Organization',
  JURISDICTION: 'Jurisdiction',
  PROGRAM: 'Program',
  EVENT: 'Event',
} as const;

export type EntityKindName = keyof typeof KIND_LABELS;
export type KindLabel = (typeof KIND_LABELS)[EntityKindName];

/** Kind labels in a fixed order; the GraphQL type of an entity node is its kind label. */
export const ENTITY_LABELS: readonly KindLabel[] = Object.values(KIND_LABELS);

/** Every fact relationship type (MENTIONS is provenance, not a fact). */
export const FACT_TYPES = [
  'HOLDS_ROLE',
  'PART_OF',
  'SERVES',
  'INITIATED',
  'TARGETS',
  'CONCERNS',
  'OPPOSED',
  'SUPPORTED',
  'COOPERATED_WITH',
] as const;

export type FactType = (typeof FACT_TYPES)[number];

/** Provenance: an Article names an Entity (with the `quote` where it does). Not a fact, so not in FACT_TYPES. */
export const MENTIONS = 'MENTIONS';

/** The two stance relationship types. */
export const STANCE_TYPES = ['OPPOSED', 'SUPPORTED'] as const satisfies readonly FactType[];
export type StanceType = (typeof STANCE_TYPES)[number];

/** The full-text index over entity names and aliases (cypher/migrations/002-fulltext.cypher). */
export const ENTITY_NAMES_INDEX = 'entity_names';

/** Returns the model's own spelling of a relationship type, or null when it is not a fact type. */
export function factType(name: string): FactType | null {
  return (FACT_TYPES as readonly string[]).includes(name) ? (name as FactType) : null;
}
