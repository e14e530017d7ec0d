import { getNamedType } from 'graphql';
import type { CompileContext, Scope } from '../compile-context';
import { articleFacts, articleText } from './article-fields';
import { CLAIM_FIELDS, CONFLICT_FIELDS, RELATION_PROVENANCE, claims, conflicts } from './claims';
import { evidenceArticle, evidenceList } from './evidence';
import { MENTIONS } from '../../core/vocabulary';
import { kindOf, projectType } from './projection';
import type { FieldCompiler } from '../compile-context';
import { type RelationVars, relationList } from './relations';
import { type SelectedField, subSelections } from '../analysis/selection';

/**
 * How every field of every object type compiles to Cypher, given the variables its object is read from.
 * Entity types share compilers for the fields they share, so a selection on the Entity interface compiles
 * a shared field once for all types.
 */

/** A property of one scope variable, e.g. `node.name` or `rel.title`. Property names are constants. */
const property =
  (variable: string, name: string): FieldCompiler =>
  (scope) =>
    `${scope[variable]}.${name}`;

/** An object field projected from one of the scope's variables as the field's GraphQL type. */
const object =
  (variable: string): FieldCompiler =>
  (scope: Scope, field: SelectedField, ctx: CompileContext) =>
    projectType(getNamedType(field.definition.type).name, { node: scope[variable]! }, subSelections(field), ctx);

const evidence: FieldCompiler = (scope, field, ctx) => evidenceList(scope.rels!, field, ctx);

const byDate = (x: string): string[] => [`${x}.date`, `${x}.name`, `${x}.id`];
const byName = (x: string): string[] => [`${x}.name`, `${x}.id`];
const asNode = (v: RelationVars): Scope => ({ node: v.other });
const asLink = (v: RelationVars): Scope => ({ rel: v.rel, rels: v.rels, entity: v.other });
const stanceKindFilter = (v: RelationVars, args: Record<string, unknown>, ctx: CompileContext): string | null =>
  args.kind ? `type(${v.rel}) = ${ctx.cypher.param(args.kind)}` : null;

// --- fields every entity has ---
const id = property('node', 'id');
const name = property('node', 'name');
const kind: FieldCompiler = (scope) => kindOf(scope.node!);
const aliases: FieldCompiler = (scope) => `coalesce(${scope.node}.aliases, [])`;
// A node without origin (written before migration 004, or by hand) counts as curated, as Article.origin does.
const origin: FieldCompiler = (scope) => `coalesce(${scope.node}.origin, 'curated')`;
const description = property('node', 'description');
const type = property('node', 'type');
const articleOrder = (x: string): string[] => [`coalesce(${x}.published, '') DESC`, `${x}.title`, `${x}.id`];
const mentionedIn = relationList({
  types: [MENTIONS],
  direction: 'in',
  otherLabel: 'Article',
  element: asNode,
  orderBy: (v) => articleOrder(v.other),
});
const mentions = relationList({
  types: [MENTIONS],
  direction: 'in',
  otherLabel: 'Article',
  element: (v) => ({ rel: v.rel, article: v.other, entity: v.node }),
  orderBy: (v) => articleOrder(v.other),
});
const targetedBy = relationList({
  types: ['TARGETS'],
  direction: 'in',
  otherLabel: 'Event',
  element: asNode,
  orderBy: (v) => byDate(v.other),
});
const ENTITY = { id, name, kind, aliases, origin, mentionedIn, mentions, claims, conflicts, targetedBy };

// --- fields of actors (people, agencies, organizations, jurisdictions) ---
const initiated = relationList({
  types: ['INITIATED'],
  direction: 'out',
  otherLabel: 'Event',
  element: asNode,
  orderBy: (v) => byDate(v.other),
});
const stances = relationList({
  types: ['OPPOSED', 'SUPPORTED'],
  direction: 'out',
  otherLabel: 'Entity',
  element: (v) => ({ actor: v.node, rel: v.rel, rels: v.rels, target: v.other }),
  orderBy: (v) => [...byDate(v.other), `type(${v.rel})`],
  where: stanceKindFilter,
});
const link = (types: string[], direction: 'in' | 'out'): FieldCompiler =>
  relationList({ types, direction, otherLabel: 'Entity', element: asLink, orderBy: (v) => byName(v.other) });
const cooperatedWith = link(['COOPERATED_WITH'], 'out');
const partOf = link(['PART_OF'], 'out');
const parts = link(['PART_OF'], 'in');
const roles = relationList({
  types: ['HOLDS_ROLE'],
  direction: 'out',
  otherLabel: 'Entity',
  element: (v) => ({ person: v.node, rel: v.rel, rels: v.rels, organization: v.other }),
  orderBy: (v) => [`coalesce(${v.rel}.start, '')`, `${v.rel}.title`, ...byName(v.other)],
});
const members = relationList({
  types: ['HOLDS_ROLE'],
  direction: 'in',
  otherLabel: 'Person',
  element: (v) => ({ person: v.other, rel: v.rel, rels: v.rels, organization: v.node }),
  orderBy: (v) => [...byName(v.other), `${v.rel}.title`],
});
const ACTOR = { ...ENTITY, description, initiated, stances, cooperatedWith };

// --- fields of things stances are taken on (events, programs) ---
const stanceOn = (stance: 'OPPOSED' | 'SUPPORTED'): FieldCompiler =>
  relationList({
    types: [stance],
    direction: 'in',
    otherLabel: 'Entity',
    element: (v) => ({ actor: v.other, rel: v.rel, rels: v.rels, target: v.node }),
    orderBy: (v) => byName(v.other),
  });
const opposedBy = stanceOn('OPPOSED');
const supportedBy = stanceOn('SUPPORTED');

const TYPE_FIELDS: Record<string, Record<string, FieldCompiler>> = {
  Person: { ...ACTOR, roles },
  Agency: {
    ...ACTOR,
    type,
    partOf,
    parts,
    serves: link(['SERVES'], 'out'),
    members,
    cooperators: link(['COOPERATED_WITH'], 'in'),
  },
  Organization: { ...ACTOR, type, members },
  Jurisdiction: { ...ACTOR, type, partOf, parts, servedBy: link(['SERVES'], 'in'), officials: members },
  Program: {
    ...ENTITY,
    description,
    type,
    concernedBy: relationList({
      types: ['CONCERNS'],
      direction: 'in',
      otherLabel: 'Event',
      element: asNode,
      orderBy: (v) => byDate(v.other),
    }),
    opposedBy,
    supportedBy,
  },
  Event: {
    ...ENTITY,
    eventType: property('node', 'eventType'),
    date: property('node', 'date'),
    datePrecision: property('node', 'datePrecision'),
    summary: property('node', 'summary'),
    initiatedBy: link(['INITIATED'], 'in'),
    targets: link(['TARGETS'], 'out'),
    concerns: link(['CONCERNS'], 'out'),
    opposedBy,
    supportedBy,
  },
  Article: {
    id,
    title: property('node', 'title'),
    url: property('node', 'url'),
    published: property('node', 'published'),
    author: property('node', 'author'),
    source: property('node', 'source'),
    origin: (scope) => `coalesce(${scope.node}.origin, 'curated')`,
    text: articleText,
    facts: articleFacts,
    mentions: relationList({
      types: [MENTIONS],
      direction: 'out',
      otherLabel: 'Entity',
      element: (v) => ({ rel: v.rel, article: v.node, entity: v.other }),
      orderBy: (v) => byName(v.other),
    }),
  },
  Evidence: {
    quote: (scope) => `${scope.rel}.evidenceQuotes[${scope.index}]`,
    confidence: (scope) => `${scope.rel}.evidenceConfidence[${scope.index}]`,
    article: evidenceArticle,
  },
  Mention: { quote: property('rel', 'quote'), article: object('article'), entity: object('entity') },
  Stance: {
    kind: (scope) => `type(${scope.rel})`,
    actor: object('actor'),
    target: object('target'),
    evidence,
    ...RELATION_PROVENANCE,
  },
  Role: {
    title: property('rel', 'title'),
    start: property('rel', 'start'),
    end: property('rel', 'end'),
    person: object('person'),
    organization: object('organization'),
    evidence,
    ...RELATION_PROVENANCE,
  },
  EntityLink: { entity: object('entity'), evidence, ...RELATION_PROVENANCE },
  Edge: {
    type: (scope) => `type(${scope.rel})`,
    from: (scope) => `startNode(${scope.rel}).id`,
    to: (scope) => `endNode(${scope.rel}).id`,
    evidence,
    ...RELATION_PROVENANCE,
  },
  Claim: CLAIM_FIELDS,
  Conflict: CONFLICT_FIELDS,
  Subgraph: {
    nodes: (scope, field, ctx) => {
      const n = ctx.cypher.variable('n');
      return `[${n} IN ${scope.nodes} | ${projectType('Entity', { node: n }, subSelections(field), ctx)}]`;
    },
    // One edge per fact: `groups` holds each fact's relationships, curated first; the head answers for it.
    edges: (scope, field, ctx) => {
      const [g, r] = [ctx.cypher.variable('g'), ctx.cypher.variable('r')];
      const edge = projectType('Edge', { rel: r, rels: g }, subSelections(field), ctx);
      return `[${g} IN ${scope.groups} | head([${r} IN ${g}[0..1] | ${edge}])]`;
    },
  },
};

/** The compiler of a field of a type; a missing one is a bug (the schema has a field the compiler lacks). */
export function fieldCompiler(typeName: string, fieldName: string): FieldCompiler {
  const compiler = TYPE_FIELDS[typeName]?.[fieldName];
  if (!compiler) throw new Error(`No compiler for ${typeName}.${fieldName}`);
  return compiler;
}

/** Every type and field the compiler knows, for the test that keeps the schema and the compiler in step. */
export function compiledFields(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(TYPE_FIELDS).map(([t, fields]) => [t, Object.keys(fields)]));
}
