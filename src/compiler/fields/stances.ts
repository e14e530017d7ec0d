import type { CompileContext } from '../compile-context';
import { entityRef, eventsInitiatedBy } from '../cypher/entity-ref';
import { STANCE_KINDS, type StanceKind } from '../../core/vocabulary';
import type { Rows, Slice } from '../cypher/page';
import { collapseFacts } from '../cypher/collapse';
import { paginated } from './paginated';
import { type SelectedField, argumentsOf } from '../analysis/selection';

/**
 * The date-ordered walk of `earliestEvents`: it is taken when the entity's events are at least one in
 * `share` of all events, and looks at most `perRow` events for each row a page needs. At one in ten, the walk
 * meets a needed event in about every twentieth event if half of them have a stance, so 40 per row leaves
 * twice that margin before the walk gives up and the entity's own events are read.
 */
export const EVENT_WALK = { share: 10, perRow: 40 } as const;

/**
 * Binds `event` to the events a list page of stances on the events of `list` (initiated by those entities or
 * their role holders, as eventsInitiatedBy) can reach, as boundEvents keeps them, without reading every
 * event of a hub. Around a hub (in the soak's graph the Department of Justice and its 653 role holders
 * initiate a fifth of all events) eventsInitiatedBy reads thousands of events and their dates to keep the
 * earliest fifty; walking the graph's events in date order through the `event_date` index instead, and
 * asking each whether one of the initiators initiated it and whether it has a stance, meets the same
 * earliest events within a few hundred. The walk is taken when the initiators' INITIATED degree (an
 * estimate of their events, read from the degree and not from the events) is at least a share of all
 * events, and looks at a bounded number of events per needed row (EVENT_WALK). When it finds fewer, the
 * entity's events are read as before (boundEvents). The events kept are the same either way: the entity's
 * events dated up to the date of the offset+first-th earliest with a stance, or all of them when there is
 * no such cut.
 */
function earliestEvents(event: string, list: string, type: StanceKind, slice: Slice, ctx: CompileContext): string[] {
  const v = (hint: string): string => ctx.cypher.variable(hint);
  const [by, holder, initiator, initiators, estimate, allEvents] = [
    v('by'),
    v('holder'),
    v('initiator'),
    v('initiators'),
    v('estimate'),
    v('allEvents'),
  ];
  const [early, earlyDate, found, cut, i0, i1] = [v('early'), v('earlyDate'), v('found'), v('cut'), v('i'), v('i')];
  const needed = ctx.cypher.intParam(slice.offset + slice.first);
  const budget = ctx.cypher.intParam(EVENT_WALK.perRow * (slice.offset + slice.first));
  const share = ctx.cypher.intParam(EVENT_WALK.share);
  const fallback = [eventsInitiatedBy(event, list, ctx), ...boundEvents(event, type, slice, ctx)];
  return [
    // The initiators once: the entities and their role holders (eventsInitiatedBy's two branches).
    `CALL (${list}) {`,
    `  UNWIND ${list} AS ${by}`,
    `  RETURN ${by} AS ${initiator}`,
    '  UNION',
    `  UNWIND ${list} AS ${by}`,
    `  MATCH (${by})<-[:HOLDS_ROLE]-(${holder}:Entity)`,
    `  RETURN ${holder} AS ${initiator}`,
    '}',
    `WITH ${list}, collect(${initiator}) AS ${initiators}, sum(COUNT { (${initiator})-[:INITIATED]->() }) AS ${estimate}`,
    `WITH ${list}, ${initiators}, ${estimate}, COUNT { (:Event) } AS ${allEvents}`,
    `CALL (${initiators}, ${estimate}, ${allEvents}) {`,
    `  WITH ${initiators}, ${estimate}, ${allEvents} WHERE ${estimate} * ${share} >= ${allEvents}`,
    `  MATCH (${early}:Event) WHERE ${early}.date IS NOT NULL`,
    `  WITH ${initiators}, ${early} ORDER BY ${early}.date LIMIT ${budget}`,
    `  WHERE EXISTS { MATCH (${early})<-[:INITIATED]-(${i0}) WHERE ${i0} IN ${initiators} }`,
    `    AND EXISTS { MATCH (:Entity)-[:${type}]->(${early}) }`,
    `  WITH ${early}.date AS ${earlyDate} LIMIT ${needed}`,
    `  RETURN count(*) AS ${found}, max(${earlyDate}) AS ${cut}`,
    '}',
    `CALL (${list}, ${initiators}, ${found}, ${cut}) {`,
    // The walk found the cut: every event of the initiators dated up to it, through the index again.
    `  WITH ${initiators}, ${found}, ${cut} WHERE ${found} = ${needed}`,
    `  MATCH (${event}:Event) WHERE ${event}.date <= ${cut}`,
    `    AND EXISTS { MATCH (${event})<-[:INITIATED]-(${i1}) WHERE ${i1} IN ${initiators} }`,
    `  RETURN ${event}`,
    '  UNION',
    `  WITH ${list}, ${found} WHERE ${found} < ${needed}`,
    ...fallback.flatMap((l) => l.split('\n')).map((l) => `  ${l}`),
    `  RETURN ${event}`,
    '}',
  ];
}

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
    lines.push(entityRef(args.actionBy, 'actionBy', list, ctx));
    // Around a hub (thousands of events, some with thousands of stances) a list page needs only the earliest.
    if (slice && !byActor) lines.push(...earliestEvents(target, list, type, slice, ctx));
    else lines.push(eventsInitiatedBy(target, list, ctx));
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
