import { boundedInt, text } from '../arguments/arguments';
import { LIMITS } from '../arguments/limits';
import { FACT_TYPES } from '../../core/vocabulary';
import { curatedFirst, factIdentity } from '../cypher/collapse';
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
 * `path(from, to, maxHops)`: a shortest path between two entities over fact relationships (never through
 * articles, which only MENTION), as a subgraph in path order; null when there is none within maxHops. Of
 * several shortest paths it returns the one through the most events, then the best supported: the same one on every call.
 */
export const compilePath: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const fromId = text(args.from, 'from');
  const toId = text(args.to, 'to');
  const hops = boundedInt(args.maxHops, 'maxHops', 1, LIMITS.maxPathHops);
  const v = (hint: string): string => ctx.cypher.variable(hint);
  const [start, end, path, nodes, groups] = [v('start'), v('end'), v('path'), v('nodes'), v('groups')];
  const subgraph = projectType('Subgraph', { nodes, groups }, subSelections(field), ctx);
  if (fromId === toId) {
    // shortestPath refuses equal ends; the path from an entity to itself is the entity alone.
    return [
      `MATCH (${start}:Entity {id: ${ctx.cypher.param(fromId)}})`,
      `WITH [${start}] AS ${nodes}, [] AS ${groups}`,
      `RETURN head(collect(${subgraph})) AS ${column}`,
    ].join('\n');
  }
  // Of the shortest paths: the one through the most events (dated, citable actions say more than a generic
  // node such as "sanctuary policies"), then the best supported (most evidence quotes), then the first by
  // node ids. The same answer every time, whatever order the store holds the paths in. Candidates are capped
  // for hub-to-hub pairs.
  const [rel, node, events, support] = [v('r'), v('n'), v('events'), v('support')];
  const [steps, i, a, b, same, group] = [v('steps'), v('i'), v('a'), v('b'), v('same'), v('group')];
  return [
    `MATCH (${start}:Entity {id: ${ctx.cypher.param(fromId)}}), (${end}:Entity {id: ${ctx.cypher.param(toId)}})`,
    `MATCH ${path} = allShortestPaths((${start})-[:${FACT_TYPES.join('|')}${HOP_RANGES[hops]}]-(${end}))`,
    `WITH ${path} LIMIT ${ctx.cypher.intParam(LIMITS.maxPathCandidates)}`,
    `WITH ${path}, size([${node} IN nodes(${path}) WHERE ${node}:Event]) AS ${events},`,
    `     reduce(s = 0, ${rel} IN relationships(${path}) | s + size(coalesce(${rel}.evidenceQuotes, []))) AS ${support}`,
    `ORDER BY ${events} DESC, ${support} DESC, [${node} IN nodes(${path}) | ${node}.id]`,
    'LIMIT 1',
    `WITH nodes(${path}) AS ${nodes}, relationships(${path}) AS ${steps}`,
    // Each step is one fact: the path's relationship and every other one stating it, curated first.
    `CALL (${steps}) {`,
    `  UNWIND range(0, size(${steps}) - 1) AS ${i}`,
    `  WITH ${i}, ${steps}[${i}] AS ${rel}`,
    `  WITH ${i}, ${rel}, startNode(${rel}) AS ${a}, endNode(${rel}) AS ${b}`,
    `  MATCH (${a})-[${same}]->(${b})`,
    `  WHERE type(${same}) = type(${rel}) AND ${factIdentity(same)} = ${factIdentity(rel)}`,
    `  WITH ${i}, collect(${same}) AS ${group} ORDER BY ${i}`,
    `  RETURN collect(${curatedFirst(group, ctx)}) AS ${groups}`,
    '}',
    `WITH ${nodes}, ${groups}`,
    `RETURN head(collect(${subgraph})) AS ${column}`,
  ].join('\n');
};
