import type { CompileContext } from '../compile-context';
import { entityRef, eventsInitiatedBy } from '../cypher/entity-ref';
import { STANCE_KINDS, type StanceKind } from '../../core/vocabulary';
import type { Rows } from '../cypher/page';
import { paginated } from './paginated';
import { type SelectedField, argumentsOf } from '../analysis/selection';

function stanceRows(field: SelectedField, ctx: CompileContext): { lines: string[]; rows: Rows } {
  const args = argumentsOf(ctx, field);
  // The relationship type is chosen from the vocabulary's list by the (schema-validated) enum value.
  const type = STANCE_KINDS.find((t) => t === (args.kind as StanceKind));
  if (!type) throw new Error(`Unknown stance kind ${String(args.kind)}`);
  const actor = ctx.cypher.variable('actor');
  const rel = ctx.cypher.variable('stance');
  const target = ctx.cypher.variable('target');
  const lines: string[] = [];
  const where: string[] = [];
  if (args.actor !== null && args.actor !== undefined) {
    const list = ctx.cypher.variable('actors');
    lines.push(entityRef(args.actor, 'actor', list, ctx));
    where.push(`${actor} IN ${list}`);
  }
  if (args.actionBy !== null && args.actionBy !== undefined) {
    // From the actor's events to their stances: never a scan of every stance in the graph.
    const list = ctx.cypher.variable('actionBy');
    lines.push(entityRef(args.actionBy, 'actionBy', list, ctx), eventsInitiatedBy(target, list, ctx));
  }
  lines.push(`MATCH (${actor}:Entity)-[${rel}:${type}]->(${target}:Entity)`);
  if (where.length > 0) lines.push(`WHERE ${where.join('\n  AND ')}`);
  return {
    lines,
    rows: {
      vars: [actor, rel, target],
      // Event date first (targets without a date, such as programs, come last), then actor name.
      orderBy: [`${target}.date`, `${actor}.name`, `${actor}.id`, `${target}.name`, `${target}.id`],
      scope: { actor, rel, target },
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
