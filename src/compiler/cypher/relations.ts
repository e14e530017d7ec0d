import { getNamedType } from 'graphql';
import { pageSize } from '../arguments/arguments';
import type { CompileContext, FieldCompiler, Scope } from '../compile-context';
import { LIMITS } from '../arguments/limits';
import { curatedFirst, factIdentity } from './collapse';
import { projectType } from './projection';
import { argumentsOf, subSelections } from '../analysis/selection';

/** The variables of one match of a relationship field: the entity, the relationship and the node across it. */
export interface RelationVars {
  node: string;
  /** The fact's first relationship (the curated one, if any). */
  rel: string;
  /** Every relationship stating the fact, curated first (src/compiler/cypher/collapse.ts). */
  rels: string;
  other: string;
}

/** How a relationship field of an entity is read from the graph. */
export interface RelationSpec {
  /** Relationship types to follow: constants of the model (src/core/vocabulary.ts). */
  types: readonly string[];
  /** `out` follows (node)-[rel]->(other); `in` follows (node)<-[rel]-(other). */
  direction: 'out' | 'in';
  /** Label of the node across the relationship. */
  otherLabel: string;
  /** The scope one list element is projected from. */
  element: (v: RelationVars) => Scope;
  /** Sort keys of the list: every list has a total order, so `first` cuts it the same way each time. */
  orderBy: (v: RelationVars) => string[];
  /** A filter from the field's arguments (e.g. `kind` of stances), or null. */
  where?: (v: RelationVars, args: Record<string, unknown>, ctx: CompileContext) => string | null;
}

/**
 * A relationship list field: one COLLECT subquery per field, so lists nest to any depth in one statement,
 * ordered and cut to `first` inside the subquery. Relationships stating one fact (curated and extracted) are
 * one item, so `first` counts facts.
 */
export function relationList(spec: RelationSpec): FieldCompiler {
  return (scope, field, ctx) => {
    const args = argumentsOf(ctx, field);
    // Named with its field, since the same argument name appears at every level of a query.
    const first = pageSize(args.first ?? LIMITS.nestedPageSize, `${field.fieldName}(first)`);
    const v: RelationVars = {
      node: scope.node!,
      rel: ctx.cypher.variable('r'),
      rels: ctx.cypher.variable('rels'),
      other: ctx.cypher.variable(spec.otherLabel.toLowerCase()),
    };
    const patternOf = (r: string): string => {
      const rel = `[${r}:${spec.types.join('|')}]`;
      return spec.direction === 'out'
        ? `(${v.node})-${rel}->(${v.other}:${spec.otherLabel})`
        : `(${v.node})<-${rel}-(${v.other}:${spec.otherLabel})`;
    };
    const pattern = patternOf(v.rel);
    // One item per fact. This subquery sits inside the enclosing projection's collect(), where Cypher allows
    // no aggregation, so a fact's relationships are gathered by a subquery rather than by collect().
    const [fact, same, group] = [
      ctx.cypher.variable('fact'),
      ctx.cypher.variable('same'),
      ctx.cypher.variable('group'),
    ];
    const where = spec.where?.(v, args, ctx);
    const element = projectType(getNamedType(field.definition.type).name, spec.element(v), subSelections(field), ctx);
    return [
      'COLLECT {',
      `  MATCH ${pattern}`,
      ...(where ? [`  WHERE ${where}`] : []),
      `  WITH DISTINCT ${v.other}, ${factIdentity(v.rel)} AS ${fact}`,
      `  WITH ${v.other}, COLLECT { MATCH ${patternOf(same)} WHERE ${factIdentity(same)} = ${fact} RETURN ${same} } AS ${group}`,
      `  WITH ${v.other}, ${curatedFirst(group, ctx)} AS ${v.rels}`,
      `  WITH ${v.other}, ${v.rels}, head(${v.rels}) AS ${v.rel}`,
      `  WITH ${v.rels}, ${v.rel}, ${v.other} ORDER BY ${spec.orderBy(v).join(', ')} LIMIT ${ctx.cypher.intParam(first)}`,
      `  RETURN ${element}`,
      '}',
    ].join('\n');
  };
}
