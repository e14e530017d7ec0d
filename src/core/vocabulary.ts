/**
 * The graph's vocabulary (docs/model.md): every node kind and label, relationship type, event type and stance
 * kind, with their GraphQL enum spellings. This module is the only place they are declared: the annotation
 * format, the graph writer, the compiler and the type-graphql enums all read them from here. User input
 * selects entries of these lists; it is never written into Cypher.
 */

/** Every kind of entity node, as annotations spell it; an event is an entity too. */
export const NODE_KINDS = ['person', 'agency', 'organization', 'jurisdiction', 'program', 'event'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The kinds an annotation lists under `entities` (events have a list of their own). */
export const ENTITY_KINDS = [
  'person',
  'agency',
  'organization',
  'jurisdiction',
  'program',
] as const satisfies readonly NodeKind[];
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The node label of each kind; the GraphQL object type of an entity node has the same name. */
export const KIND_LABELS = {
  person: 'Person',
  agency: 'Agency',
  organization: 'Organization',
  jurisdiction: 'Jurisdiction',
  program: 'Program',
  event: 'Event',
} as const satisfies Record<NodeKind, string>;
export type KindLabel = (typeof KIND_LABELS)[NodeKind];

/** Kind labels in the fixed order of NODE_KINDS. */
export const KIND_LABEL_LIST: readonly KindLabel[] = NODE_KINDS.map((kind) => KIND_LABELS[kind]);

/** The label every entity node carries beside its kind label, and the label of an article node. */
export const ENTITY_LABEL = 'Entity';
export const ARTICLE_LABEL = 'Article';

/** A kind as the GraphQL enum `EntityKind` spells it. */
export type GraphQLKind = Uppercase<NodeKind>;

/** The GraphQL enum values of the kinds, keyed by themselves (the shape type-graphql registers as an enum). */
export const GRAPHQL_KINDS = Object.fromEntries(NODE_KINDS.map((kind) => [kind.toUpperCase(), kind.toUpperCase()])) as {
  readonly [K in GraphQLKind]: K;
};

/** The GraphQL enum value of a kind. */
export function graphqlKind(kind: NodeKind): GraphQLKind {
  return kind.toUpperCase() as GraphQLKind;
}

/** The node label of a GraphQL enum value of EntityKind. */
export function labelOfGraphQLKind(value: GraphQLKind): KindLabel {
  return KIND_LABELS[value.toLowerCase() as NodeKind];
}

/** What an event is: the `type` of an annotated event and the `eventType` of an Event node. */
export const EVENT_TYPES = [
  'speech',
  'memo',
  'letter',
  'threat',
  'announcement',
  'statement',
  'lawsuit',
  'ruling',
  'resolution',
  'boycott',
  'order',
  'policy',
  'report',
  'settlement',
  'program-launch',
  'legislation',
  'meeting',
  'disclosure',
  'arrest',
  'vote',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Relationships an annotation states directly under `relations`. */
export const RELATION_TYPES = ['PART_OF', 'SERVES', 'COOPERATED_WITH'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relationships of an event: who initiated it, whom it targeted, which program it concerns. */
export const EVENT_LINK_TYPES = ['INITIATED', 'TARGETS', 'CONCERNS'] as const;

/** The stance relationship types; the GraphQL enum `StanceKind` spells them the same way. */
export const STANCE_KINDS = ['OPPOSED', 'SUPPORTED'] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

/** The GraphQL enum values of the stance kinds, keyed by themselves. */
export const GRAPHQL_STANCE_KINDS = Object.fromEntries(STANCE_KINDS.map((kind) => [kind, kind])) as {
  readonly [K in StanceKind]: K;
};

/** Every fact relationship type, each carrying evidence (MENTIONS is provenance, not a fact). */
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
] as const satisfies readonly ('HOLDS_ROLE' | RelationType | (typeof EVENT_LINK_TYPES)[number] | StanceKind)[];
export type FactType = (typeof FACT_TYPES)[number];

/** Provenance: an Article names an Entity (with the `quote` where it does). */
export const MENTIONS = 'MENTIONS';

/** The full-text index over entity names and aliases (cypher/migrations/002-fulltext.cypher). */
export const ENTITY_NAMES_INDEX = 'entity_names';

/** The vocabulary's spelling of a relationship type, or null when it is not a fact type. */
export function factType(name: string): FactType | null {
  return (FACT_TYPES as readonly string[]).includes(name) ? (name as FactType) : null;
}

/** Where a fact comes from: a person's annotation (curated) or the automatic extractor (extracted). */
export const ORIGINS = ['curated', 'extracted'] as const;
export type Origin = (typeof ORIGINS)[number];

/** The GraphQL enum `Origin`: CURATED and EXTRACTED, each standing for the graph's lowercase value. */
export const GRAPHQL_ORIGINS = { CURATED: 'curated', EXTRACTED: 'extracted' } as const satisfies Record<
  Uppercase<Origin>,
  Origin
>;

/**
 * The node properties an article claims about an entity or event, each kept on that article's MENTIONS
 * relationship under the same name (docs/provenance.md): the node holds one value, the claims every article's.
 */
export const CLAIM_PROPERTIES = ['name', 'eventType', 'date', 'type', 'description', 'summary'] as const;
export type ClaimProperty = (typeof CLAIM_PROPERTIES)[number];

/**
 * Event types that can describe the same action in two sources' words (a letter that threatens is reported
 * as a threat, a ruling ends a lawsuit's stage): an extracted event joins an existing one only within a family.
 */
export const EVENT_TYPE_FAMILIES: Record<EventType, string> = {
  speech: 'communication',
  statement: 'communication',
  announcement: 'communication',
  letter: 'communication',
  memo: 'communication',
  threat: 'communication',
  report: 'communication',
  disclosure: 'communication',
  order: 'executive',
  policy: 'executive',
  'program-launch': 'executive',
  lawsuit: 'legal',
  ruling: 'legal',
  settlement: 'legal',
  arrest: 'legal',
  resolution: 'legislative',
  legislation: 'legislative',
  vote: 'legislative',
  boycott: 'protest',
  meeting: 'meeting',
  other: 'other',
};
