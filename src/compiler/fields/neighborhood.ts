import { boundedInt, factTypes, pageSize, text } from '../arguments/arguments';
import { indent } from '../cypher/statement';
import { LIMITS } from '../arguments/limits';
import { projectType } from '../cypher/projection';
import type { RootFieldCompiler } from './root-field';
import { argumentsOf, subSelections } from '../analysis/selection';

/**
 * Variable-length bounds cannot be parameters in Cypher, so each allowed bound is a constant of this
 * table, chosen by the validated number; user input never reaches the text.
 */
export const HOP_RANGES: Record<number, string> = {
  1: '*1..1',
  2: '*1..2',
  3: '*1..3',
  4: '*1..4',
  5: '*1..5',
  6: '*1..6',
};

/**
 * `neighborhood(id, depth, types, first)`: the entity and the entities within `depth` hops over fact
 * relationships (optionally only the given types), nearest first and then by name, at most `first` nodes
 * in all; and every relationship of those types among them, with its evidence.
 */
export const compileNeighborhood: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const id = ctx.cypher.param(text(args.id, 'id'));
  const depth = boundedInt(args.depth, 'depth', 1, LIMITS.maxNeighborhoodDepth);
  const types = factTypes(args.types as string[] | null).join('|');
  const first = pageSize(args.first);
  const v = (hint: string): string => ctx.cypher.variable(hint);
  const [center, path, near, hops, nearest, nodes, from, rel, to, rels] = [
    v('center'),
    v('path'),
    v('near'),
    v('hops'),
    v('nearest'),
    v('nodes'),
    v('from'),
    v('r'),
    v('to'),
    v('rels'),
  ];
  const subgraph = projectType('Subgraph', { nodes, rels }, subSelections(field), ctx);
  return [
    `OPTIONAL MATCH (${center}:Entity {id: ${id}})`,
    `OPTIONAL MATCH ${path} = (${center})-[:${types}${HOP_RANGES[depth]}]-(${near}:Entity)`,
    `WHERE ${near} <> ${center}`,
    `WITH ${center}, ${near}, min(length(${path})) AS ${hops}`,
    `ORDER BY ${hops}, ${near}.name, ${near}.id`,
    `WITH ${center}, collect(${near})[0..${ctx.cypher.intParam(first - 1)}] AS ${nearest}`,
    `WITH CASE WHEN ${center} IS NULL THEN [] ELSE [${center}] + ${nearest} END AS ${nodes}`,
    `CALL (${nodes}) {`,
    indent(
      [
        `UNWIND ${nodes} AS ${from}`,
        `MATCH (${from})-[${rel}:${types}]->(${to}:Entity)`,
        `WHERE ${to} IN ${nodes}`,
        `RETURN collect(${rel}) AS ${rels}`,
      ].join('\n'),
    ),
    '}',
    `RETURN ${subgraph} AS ${column}`,
  ].join('\n');
};
