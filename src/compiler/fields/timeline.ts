import { getNamedType } from 'graphql';
import { pageSize, text } from '../arguments/arguments';
import { projectType } from '../cypher/projection';
import type { RootFieldCompiler } from './root-field';
import { argumentsOf, subSelections } from '../analysis/selection';

/**
 * `timeline(id, first)`: the events an entity initiated, was targeted by or took a stance on (and, for a
 * program, the events concerning it), by date. What a body that is part of it, or a person holding a role
 * there, initiated is its act too (a county commission's vote is on the county's timeline), as `events(by)`
 * counts it. UNION removes an event reached in two ways.
 */
export const compileTimeline: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const id = ctx.cypher.param(text(args.id, 'id'));
  const first = ctx.cypher.intParam(pageSize(args.first));
  const event = ctx.cypher.variable('event');
  const projection = projectType(getNamedType(field.definition.type).name, { node: event }, subSelections(field), ctx);
  return [
    'CALL {',
    `  MATCH (:Entity {id: ${id}})-[:INITIATED|OPPOSED|SUPPORTED]->(${event}:Event) RETURN ${event}`,
    '  UNION',
    `  MATCH (:Entity {id: ${id}})<-[:TARGETS|CONCERNS]-(${event}:Event) RETURN ${event}`,
    '  UNION',
    `  MATCH (:Entity {id: ${id}})<-[:PART_OF|HOLDS_ROLE]-(:Entity)-[:INITIATED]->(${event}:Event) RETURN ${event}`,
    '}',
    `WITH ${event} ORDER BY ${event}.date, ${event}.name, ${event}.id LIMIT ${first}`,
    `RETURN collect(${projection}) AS ${column}`,
  ].join('\n');
};
