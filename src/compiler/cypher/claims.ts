import { pageSize } from '../arguments/arguments';
import type { CompileContext, FieldCompiler } from '../compile-context';
import { LIMITS } from '../arguments/limits';
import { CLAIM_PROPERTIES, MENTIONS } from '../../core/vocabulary';
import { sourceCount } from './collapse';
import { projectType } from './projection';
import { argumentsOf, subSelections } from '../analysis/selection';

/**
 * Claims and conflicts (docs/provenance.md). Each article's MENTIONS of a node carries the values the article
 * gives the node's properties, under the properties' own names; a claim is one of them, read with a dynamic
 * property lookup over the constant list of claim properties (never user input).
 */
const PROPERTIES = `[${CLAIM_PROPERTIES.map((p) => `'${p}'`).join(', ')}]`;
/** In name order, the order of Entity.conflicts. */
const SORTED_PROPERTIES = `[${[...CLAIM_PROPERTIES]
  .sort()
  .map((p) => `'${p}'`)
  .join(', ')}]`;

/** Claims on `node`: of every claim property, or of the one bound to `property` (a Conflict's). */
function claimList(node: string, property: string | null, field: Parameters<FieldCompiler>[1], ctx: CompileContext) {
  const args = argumentsOf(ctx, field);
  const first = pageSize(args.first ?? LIMITS.nestedPageSize, `${field.fieldName}(first)`);
  const m = ctx.cypher.variable('m');
  const article = ctx.cypher.variable('article');
  const p = ctx.cypher.variable('p');
  const value = ctx.cypher.variable('value');
  const element = projectType('Claim', { rel: m, article, property: p, value }, subSelections(field), ctx);
  return [
    'COLLECT {',
    `  MATCH (${node})<-[${m}:${MENTIONS}]-(${article}:Article)`,
    `  UNWIND ${property ? `[${property}]` : PROPERTIES} AS ${p}`,
    `  WITH ${m}, ${article}, ${p}, ${m}[${p}] AS ${value} WHERE ${value} IS NOT NULL`,
    `  WITH ${m}, ${article}, ${p}, ${value}`,
    `  ORDER BY ${p}, coalesce(${article}.origin, 'curated'), ${article}.id LIMIT ${ctx.cypher.intParam(first)}`,
    `  RETURN ${element}`,
    '}',
  ].join('\n');
}

/** Entity.claims: every claim of every article on the node. */
export const claims: FieldCompiler = (scope, field, ctx) => claimList(scope.node!, null, field, ctx);

/** Conflict.claims: the claims on the conflict's property. */
export const conflictClaims: FieldCompiler = (scope, field, ctx) => claimList(scope.node!, scope.property!, field, ctx);

/**
 * Entity.conflicts: the properties on which the articles' claims take more than one value. No aggregation
 * function here: the projection is itself inside the root field's collect(), so distinct values come from a
 * subquery.
 */
export const conflicts: FieldCompiler = (scope, field, ctx) => {
  const m = ctx.cypher.variable('m');
  const p = ctx.cypher.variable('p');
  const values = ctx.cypher.variable('values');
  const value = ctx.cypher.variable('value');
  const element = projectType('Conflict', { node: scope.node!, property: p, values }, subSelections(field), ctx);
  return [
    'COLLECT {',
    `  UNWIND ${SORTED_PROPERTIES} AS ${p}`,
    `  WITH ${p}, COLLECT {`,
    `    MATCH (${scope.node})<-[${m}:${MENTIONS}]-(:Article)`,
    `    WITH DISTINCT ${m}[${p}] AS ${value} WHERE ${value} IS NOT NULL`,
    `    RETURN ${value} ORDER BY ${value}`,
    `  } AS ${values}`,
    `  WHERE size(${values}) > 1`,
    `  RETURN ${element}`,
    '}',
  ].join('\n');
};

/** Claim and Conflict fields, and the provenance fields every fact relationship type has. */
export const CLAIM_FIELDS: Record<string, FieldCompiler> = {
  property: (scope) => scope.property!,
  value: (scope) => scope.value!,
  origin: (scope) => `coalesce(${scope.article}.origin, 'curated')`,
  article: (scope, field, ctx) => projectType('Article', { node: scope.article! }, subSelections(field), ctx),
  quote: (scope) => `${scope.rel}.quote`,
  confidence: (scope) => `coalesce(${scope.rel}.confidence, 1.0)`,
};

export const CONFLICT_FIELDS: Record<string, FieldCompiler> = {
  property: (scope) => scope.property!,
  value: (scope) => `${scope.node}[${scope.property}]`,
  values: (scope) => scope.values!,
  claims: conflictClaims,
};

/**
 * origin and sourceCount of a fact (EntityLink, Stance, Role, Edge), over all its relationships: curated
 * when a curated one states it (the first, curated first), and the distinct articles of all of them.
 */
export const RELATION_PROVENANCE: Record<string, FieldCompiler> = {
  origin: (scope) => `coalesce(${scope.rel}.origin, 'curated')`,
  sourceCount: (scope, _field, ctx) => sourceCount(scope.rels!, ctx),
};
