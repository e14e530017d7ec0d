import type { CompileContext } from '../compile-context';
import { entityRef, eventsInitiatedBy } from '../cypher/entity-ref';
import { STANCE_KINDS, type StanceKind } from '../../core/vocabulary';
import type { Rows, Slice } from '../cypher/page';
import { collapseFacts } from '../cypher/collapse';
import { paginated } from './paginated';
import { type SelectedField, argumentsOf } from '../analysis/selection';

/**
 * Keeps, of the events bound to `event`, those that can give a row of the first `slice` stances. Rows are
 * ordered by event date first, and every event with a stance gives at least one row, so the rows of the
 * first offset+first such events (by date) fill the slice: events dated after the last of them cannot
 * reach it. Events sharing that last date are all kept (their rows interleave by actor name), and when
 * there are fewer events, or the last one has no date (undated events sort last), all are kept.
 *
 * Only the earliest events are asked whether they have a stance: the events are sorted by date first and
 * the check stops at the offset+first-th that has one (a hub's role holders initiate thousands of events,
 * each check walks an event's relationships). Events up to the cut that have no stance are kept: the stance
 * MATCH after this gives them no row. The cut is the latest date of the events found, so were they found
 * out of order it could only be later, keeping more events, never fewer.
 */
function boundEvents(event: string, type: StanceKind, slice: Slice, ctx: CompileContext): string[] {
  const [date, events, dated, candidate, candidateDate] = ['date', 'events', 'dated', 'candidate', 'candidateDate'].map(
    (h) => ctx.cypher.variable(h),
  );
  const [found, withDate, latest, cut] = ['found', 'withDate', 'latest', 'cut'].map((h) => ctx.cypher.variable(h));
  const needed = ctx.cypher.intParam(slice.offset + slice.first);
  return [
    `WITH ${event}, ${event}.date AS ${date} ORDER BY ${date}`,
    `WITH collect({event: ${event}, date: ${date}}) AS ${events}`,
    `CALL (${events}) {`,
    `  UNWIND ${events} AS ${dated}`,
    `  WITH ${dated}.event AS ${candidate}, ${dated}.date AS ${candidateDate}`,
    `  WHERE EXISTS { MATCH (:Entity)-[:${type}]->(${candidate}) }`,
    `  WITH ${candidateDate} LIMIT ${needed}`,
    `  RETURN count(*) AS ${found}, count(${candidateDate}) AS ${withDate}, max(${candidateDate}) AS ${latest}`,
    `}`,
    // Fewer events with a stance than needed, or an undated one among them: no cut.
    `WITH ${events}, CASE WHEN ${found} = ${needed} AND ${withDate} = ${needed} THEN ${latest} END AS ${cut}`,
    `UNWIND ${events} AS ${dated}`,
    `WITH ${dated} WHERE ${cut} IS NULL OR ${dated}.date <= ${cut}`,
    `WITH ${dated}.event AS ${event}`,
  ];
}

function stanceRows(field: SelectedField, ctx: CompileContext, slice: Slice | null): { lines: string[]; rows: Rows } {
  const args = argumentsOf(ctx, field);
  // The relationship type is chosen from the vocabulary's list by the (schema-validated) enum value.
  const type = STANCE_KINDS.find((t) => t === (args.kind as StanceKind));
  if (!type) throw new Error(`Unknown stance kind ${String(args.kind)}`);
  const actor = ctx.cypher.variable('actor');
  const rel = ctx.cypher.variable('stance');
  const target = ctx.cypher.variable('target');
  const lines: string[] = [];
  const byActor = args.actor !== null && args.actor !== undefined;
  let actors: string | null = null;
  if (byActor) {
    actors = ctx.cypher.variable('actors');
    lines.push(entityRef(args.actor, 'actor', actors, ctx));
  }
  if (args.actionBy !== null && args.actionBy !== undefined) {
    // From the actor's events to their stances: never a scan of every stance in the graph.
    const list = ctx.cypher.variable('actionBy');
    lines.push(entityRef(args.actionBy, 'actionBy', list, ctx), eventsInitiatedBy(target, list, ctx));
    // Around a hub (thousands of events, some with thousands of stances) a list page needs only the earliest.
    if (slice && !byActor) lines.push(...boundEvents(target, type, slice, ctx));
  }
  // With an actor, from that actor's own stances: never a scan of every stance of the kind.
  if (actors) lines.push(`UNWIND ${actors} AS ${actor}`);
  lines.push(`MATCH (${actor}:Entity)-[${rel}:${type}]->(${target}:Entity)`);
  // One row per stance, however many relationships (curated, extracted) state it: pages count stances.
  const rels = ctx.cypher.variable('rels');
  lines.push(...collapseFacts([actor, target], rel, rels, ctx));
  return {
    lines,
    rows: {
      vars: [actor, rel, rels, target],
      // Event date first (targets without a date, such as programs, come last), then actor name.
      orderBy: [`${target}.date`, `${actor}.name`, `${actor}.id`, `${target}.name`, `${target}.id`],
      scope: { actor, rel, rels, target },
    },
  };
}

const stances = paginated(stanceRows);

/**
 * `stances(kind, actionBy, actor, first, after)`: who took that stance on what. With actionBy, only
 * stances on events initiated by that entity or by someone holding a role there; with actor, only that
 * actor's. A reference that names no entity matches nothing.
 */
export const compileStances = stances.list;

/** `stancesConnection(...)`: the same stances as a connection. */
export const compileStancesConnection = stances.connection;
