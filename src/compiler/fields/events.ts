import type { CompileContext } from '../compile-context';
import { dateWindow } from '../arguments/dates';
import { entityRef, eventsInitiatedBy } from '../cypher/entity-ref';
import type { Rows } from '../cypher/page';
import { paginated } from './paginated';
import { type SelectedField, argumentsOf } from '../analysis/selection';

/** First and last day an event date of any precision covers ("2018" → 2018-01-01 .. 2018-12-31). */
function firstDay(date: string): string {
  return `CASE size(${date}) WHEN 4 THEN ${date} + '-01-01' WHEN 7 THEN ${date} + '-01' ELSE ${date} END`;
}
function lastDay(date: string): string {
  // '-31' for every month: dates compare as strings, and no real day of the month sorts after it.
  return `CASE size(${date}) WHEN 4 THEN ${date} + '-12-31' WHEN 7 THEN ${date} + '-31' ELSE ${date} END`;
}

function eventRows(field: SelectedField, ctx: CompileContext): { lines: string[]; rows: Rows } {
  const args = argumentsOf(ctx, field);
  const window = dateWindow(args.from as string | null, args.to as string | null);
  const event = ctx.cypher.variable('event');
  const lines: string[] = [];
  const where: string[] = [];
  const related = (argument: string, hint: string, test: (list: string) => string): void => {
    const value = args[argument];
    if (value === null || value === undefined) return;
    const list = ctx.cypher.variable(hint);
    lines.push(entityRef(value, argument, list, ctx));
    where.push(test(list));
  };
  // With `by`, the events are found from the initiators (a few) rather than filtered from all events.
  let bind = `MATCH (${event}:Event)`;
  if (args.by !== null && args.by !== undefined) {
    const list = ctx.cypher.variable('by');
    lines.push(entityRef(args.by, 'by', list, ctx));
    bind = eventsInitiatedBy(event, list, ctx);
  }
  related('target', 'targets', (list) => {
    const t = ctx.cypher.variable('target');
    return `EXISTS { MATCH (${event})-[:TARGETS]->(${t}:Entity) WHERE ${t} IN ${list} }`;
  });
  related('program', 'programs', (list) => {
    const p = ctx.cypher.variable('program');
    return `EXISTS { MATCH (${event})-[:CONCERNS]->(${p}:Entity) WHERE ${p} IN ${list} }`;
  });
  // Overlap of the event's days with the window. The plain comparisons on e.date come first because
  // the date index can serve them: a date string never sorts after its own first day.
  if (window.first) {
    const first = ctx.cypher.param(window.first);
    const year = ctx.cypher.param(window.first.slice(0, 4));
    where.push(`${event}.date >= ${year}`, `${lastDay(`${event}.date`)} >= ${first}`);
  }
  if (window.last) {
    const last = ctx.cypher.param(window.last);
    where.push(`${event}.date <= ${last}`, `${firstDay(`${event}.date`)} <= ${last}`);
  }
  lines.push(bind);
  if (where.length > 0) lines.push(`${bind.startsWith('MATCH') ? '' : 'WITH * '}WHERE ${where.join('\n  AND ')}`);
  return {
    lines,
    rows: { vars: [event], orderBy: [`${event}.date`, `${event}.name`, `${event}.id`], scope: { node: event } },
  };
}

const events = paginated(eventRows);

/**
 * `events(by, target, program, from, to, first, after)`: events matching every filter given, by date. A date
 * of any precision is in the window when any of its days is ("2018" is within from "2018-06").
 */
export const compileEvents = events.list;

/** `eventsConnection(...)`: the same events as a connection. */
export const compileEventsConnection = events.connection;
