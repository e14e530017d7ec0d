import { boundedInt, factTypes, pageSize, text } from '../arguments/arguments';
import { indent } from '../cypher/statement';
import { LIMITS } from '../arguments/limits';
import { curatedFirst, factIdentity } from '../cypher/collapse';
import { projectType } from '../cypher/projection';
import type { RootFieldCompiler } from './root-field';
import { argumentsOf, subSelections } from '../analysis/selection';
import type { CompileContext } from '../compile-context';

/** The variables that carry a breadth-first walk from one ring to the next. */
interface Walk {
  /** Every entity found so far, the centre included: a ring never revisits them. */
  seen: string;
  /** The entities of the last ring, from which the next ring is reached. */
  frontier: string;
  /** The entities kept so far, nearest first and then by name (the centre not among them). */
  near: string;
}

/**
 * One ring of the walk: the entities one hop beyond the frontier that were not seen yet, first by name and
 * id, at most `limit` of them, and only while fewer than `limit` are kept. The cap is exact: a ring cut short
 * by it fills the kept list, so no later ring is needed; a ring under the cap is complete, so `seen` holds
 * every nearer entity. Around a hub the walk therefore stops after the first ring instead of expanding
 * every path of the whole depth (which grows with the product of the degrees). Of the entities a ring
 * finds, only those named no later than the limit-th name are sorted by name and id: the others cannot be
 * among the first `limit`, so their ids are never read.
 */
function ring(walk: Walk, types: string, limit: string, ctx: CompileContext): { lines: string[]; walk: Walk } {
  const v = (hint: string): string => ctx.cypher.variable(hint);
  const [from, found, nodesOfRing, old, wasSeen] = [v('from'), v('found'), v('ring'), v('old'), v('wasSeen')];
  const [candidates, candidate, name, counted, named, latest, cut] = [
    v('candidates'),
    v('candidate'),
    v('name'),
    v('counted'),
    v('named'),
    v('latest'),
    v('cut'),
  ];
  const next: Walk = { seen: v('seen'), frontier: v('frontier'), near: v('near') };
  return {
    lines: [
      `CALL (${walk.seen}, ${walk.frontier}, ${walk.near}) {`,
      indent(
        [
          `WITH ${walk.seen}, ${walk.frontier}, ${walk.near} WHERE size(${walk.near}) < ${limit}`,
          // The entities one hop out, less those seen: grouped with the seen ones (a hash aggregation)
          // rather than `NOT found IN seen`, which compares each row with every entity of the list.
          `CALL (${walk.seen}, ${walk.frontier}) {`,
          `  UNWIND ${walk.seen} AS ${found}`,
          `  RETURN ${found}, true AS ${old}`,
          '  UNION ALL',
          `  UNWIND ${walk.frontier} AS ${from}`,
          `  MATCH (${from})-[:${types}]-(${found})`,
          `  RETURN ${found}, false AS ${old}`,
          '}',
          `WITH ${found}, max(${old}) AS ${wasSeen}`,
          `WITH ${found} WHERE NOT ${wasSeen} AND ${found}:Entity`,
          // Around a hub thousands are found: only those named up to the limit-th name need their id read.
          `WITH collect({node: ${found}, name: ${found}.name}) AS ${candidates}`,
          `CALL (${candidates}) {`,
          `  UNWIND ${candidates} AS ${candidate}`,
          `  WITH ${candidate}.name AS ${name} ORDER BY ${name} LIMIT ${limit}`,
          `  RETURN count(*) AS ${counted}, count(${name}) AS ${named}, max(${name}) AS ${latest}`,
          '}',
          // Fewer than the limit, or an unnamed one among the first (nulls sort last): no cut.
          `WITH ${candidates}, CASE WHEN ${counted} = ${limit} AND ${named} = ${limit} THEN ${latest} END AS ${cut}`,
          `UNWIND ${candidates} AS ${candidate}`,
          `WITH ${candidate} WHERE ${cut} IS NULL OR ${candidate}.name <= ${cut}`,
          `WITH ${candidate}.node AS ${found}, ${candidate}.name AS ${name} ORDER BY ${name}, ${found}.id LIMIT ${limit}`,
          `RETURN collect(${found}) AS ${nodesOfRing}`,
        ].join('\n'),
      ),
      '}',
      `WITH ${walk.seen} + ${nodesOfRing} AS ${next.seen}, ${nodesOfRing} AS ${next.frontier},` +
        ` ${walk.near} + ${nodesOfRing}[0..${limit} - size(${walk.near})] AS ${next.near}`,
    ],
    walk: next,
  };
}

/**
 * `neighborhood(id, depth, types, first)`: the entity and the entities within `depth` hops over fact
 * relationships (optionally only the given types), nearest first and then by name, at most `first` nodes
 * in all; and every relationship of those types among them, with its evidence. The entities are found ring
 * by ring (breadth first), stopping once `first` are reached, so the cost around a hub is bounded by the
 * hub's degree and not by the paths of the whole depth.
 */
export const compileNeighborhood: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const id = ctx.cypher.param(text(args.id, 'id'));
  const depth = boundedInt(args.depth, 'depth', 1, LIMITS.maxNeighborhoodDepth);
  const types = factTypes(args.types as string[] | null).join('|');
  const first = pageSize(args.first);
  const limit = ctx.cypher.intParam(first - 1);
  const v = (hint: string): string => ctx.cypher.variable(hint);
  const [center, start, nodes, from, rel, to, groups] = [
    v('center'),
    v('start'),
    v('nodes'),
    v('from'),
    v('r'),
    v('to'),
    v('groups'),
  ];
  let walk: Walk = { seen: v('seen'), frontier: v('frontier'), near: v('near') };
  const lines = [
    `OPTIONAL MATCH (${center}:Entity {id: ${id}})`,
    `WITH CASE WHEN ${center} IS NULL THEN [] ELSE [${center}] END AS ${start}`,
    `WITH ${start} AS ${walk.seen}, ${start} AS ${walk.frontier}, [] AS ${walk.near}, ${start}`,
  ];
  // The walk's variables are carried by each ring's WITH; the start (the centre, or nothing) rides along.
  for (let hop = 1; hop <= depth; hop += 1) {
    const next = ring(walk, types, limit, ctx);
    const [call, carry] = [next.lines.slice(0, -1), next.lines[next.lines.length - 1]!];
    lines.push(...call, `${carry}, ${start}`);
    walk = next.walk;
  }
  const [fact, group] = [v('fact'), v('group')];
  const [at, place, out, rank, into, kept, entry] = ['at', 'place', 'out', 'rank', 'into', 'kept', 'entry'].map(v);
  const subgraph = projectType('Subgraph', { nodes, groups }, subSelections(field), ctx);
  return [
    ...lines,
    `WITH ${start} + ${walk.near} AS ${nodes}`,
    `CALL (${nodes}) {`,
    indent(
      [
        // The relationships out of the nodes whose end is one of them. `to IN nodes` for each relationship
        // compares it with every node, and the hubs among the nodes have thousands: instead the ends are
        // grouped with the nodes themselves (a hash aggregation) and those grouped with a node kept. Each
        // relationship carries its place (the node it leaves, its rank among that node's), so the edges
        // keep the order the walk over the nodes gives them.
        `CALL (${nodes}) {`,
        `  UNWIND ${nodes} AS ${to}`,
        `  RETURN ${to}, null AS ${rel}, null AS ${at}`,
        '  UNION ALL',
        `  UNWIND range(0, size(${nodes}) - 1) AS ${place}`,
        `  WITH ${nodes}[${place}] AS ${from}, ${place}`,
        `  MATCH (${from})-[${rel}:${types}]->(${to})`,
        `  WITH ${place}, collect([${rel}, ${to}]) AS ${out}`,
        `  UNWIND range(0, size(${out}) - 1) AS ${rank}`,
        `  RETURN ${out}[${rank}][1] AS ${to}, ${out}[${rank}][0] AS ${rel}, [${place}, ${rank}] AS ${at}`,
        '}',
        `WITH ${to}, collect(CASE WHEN ${rel} IS NOT NULL THEN [${at}, ${rel}] END) AS ${into}, count(*) > count(${rel}) AS ${kept}`,
        `WHERE ${kept}`,
        `UNWIND ${into} AS ${entry}`,
        `WITH ${entry}[1] AS ${rel} ORDER BY ${entry}[0][0], ${entry}[0][1]`,
        // One edge per fact: its relationships (curated, extracted) grouped, curated first.
        `WITH ${factIdentity(rel)} AS ${fact}, collect(${rel}) AS ${group}`,
        `RETURN collect(${curatedFirst(group, ctx)}) AS ${groups}`,
      ].join('\n'),
    ),
    '}',
    `RETURN ${subgraph} AS ${column}`,
  ].join('\n');
};
