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
 *
 * Around a hub (thousands of events) only the events up to the date of the first-th earliest are sorted by
 * name and id: the first `first` events by (date, name, id) are all dated no later than it, so the others
 * need only their date read. Events sharing that date are all kept; when fewer than `first` events are
 * dated among the earliest (undated events sort last), all are kept.
 */
export const compileTimeline: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const id = ctx.cypher.param(text(args.id, 'id'));
  const first = ctx.cypher.intParam(pageSize(args.first));
  const [event, date, events, dated, earliest, found, withDate, latest, cut] = [
    'event',
    'date',
    'events',
    'dated',
    'earliest',
    'found',
    'withDate',
    'latest',
    'cut',
  ].map((h) => ctx.cypher.variable(h)) as [string, string, string, string, string, string, string, string, string];
  const member = ctx.cypher.variable('member');
  const projection = projectType(getNamedType(field.definition.type).name, { node: event }, subSelections(field), ctx);
  return [
    'CALL {',
    `  MATCH (:Entity {id: ${id}})-[:INITIATED|OPPOSED|SUPPORTED]->(${event}:Event) RETURN ${event}`,
    '  UNION',
    `  MATCH (:Entity {id: ${id}})<-[:TARGETS|CONCERNS]-(${event}:Event) RETURN ${event}`,
    '  UNION',
    // A part or role holder once, however many relationships tie it to the entity.
    `  MATCH (:Entity {id: ${id}})<-[:PART_OF|HOLDS_ROLE]-(${member}:Entity) WITH DISTINCT ${member}`,
    `  MATCH (${member})-[:INITIATED]->(${event}:Event) RETURN ${event}`,
    '}',
    `WITH collect({event: ${event}, date: ${event}.date}) AS ${events}`,
    `CALL (${events}) {`,
    `  UNWIND ${events} AS ${dated}`,
    `  WITH ${dated}.date AS ${earliest} ORDER BY ${earliest} LIMIT ${first}`,
    `  RETURN count(*) AS ${found}, count(${earliest}) AS ${withDate}, max(${earliest}) AS ${latest}`,
    '}',
    // Fewer events than first, or an undated one among the earliest: no cut.
    `WITH ${events}, CASE WHEN ${found} = ${first} AND ${withDate} = ${first} THEN ${latest} END AS ${cut}`,
    `UNWIND ${events} AS ${dated}`,
    `WITH ${dated} WHERE ${cut} IS NULL OR ${dated}.date <= ${cut}`,
    `WITH ${dated}.event AS ${event}, ${dated}.date AS ${date} ORDER BY ${date}, ${event}.name, ${event}.id LIMIT ${first}`,
    `RETURN collect(${projection}) AS ${column}`,
  ].join('\n');
};
