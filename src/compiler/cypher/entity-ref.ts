import { text } from '../arguments/arguments';
import type { CompileContext } from '../compile-context';
import { phraseQuery } from '../arguments/lucene';
import { ENTITY_NAMES_INDEX } from '../../core/vocabulary';

/**
 * A CALL subquery that binds `list` to the entities an argument refers to: by id, or by name or alias
 * ignoring case. Names are looked up through the full-text index (a phrase query narrows the candidates,
 * an exact case-insensitive comparison decides), so the lookup stays an index seek as the graph grows. An
 * unknown reference binds an empty list, and the filters using it then match nothing.
 */
export function entityRef(value: unknown, argument: string, list: string, ctx: CompileContext): string {
  const ref = ctx.cypher.param(text(value, argument));
  const byId = ctx.cypher.variable('x');
  const byName = ctx.cypher.variable('x');
  const alias = ctx.cypher.variable('alias');
  const phrase = phraseQuery(text(value, argument));
  const nameBranch = phrase
    ? [
        '    UNION',
        `    CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', ${ctx.cypher.param(phrase)}) YIELD node AS ${byName}`,
        `    WHERE toLower(${byName}.name) = toLower(${ref})`,
        `       OR any(${alias} IN coalesce(${byName}.aliases, []) WHERE toLower(${alias}) = toLower(${ref}))`,
        `    RETURN ${byName} AS ${byId}`,
      ]
    : [];
  return [
    'CALL {',
    '  CALL {',
    `    MATCH (${byId}:Entity {id: ${ref}}) RETURN ${byId}`,
    ...nameBranch,
    '  }',
    `  RETURN collect(DISTINCT ${byId}) AS ${list}`,
    '}',
  ].join('\n');
}

/**
 * A CALL subquery that binds `event` to each event initiated by one of the entities or by a person holding a
 * role at one of them. It starts from the entities, so its cost follows their events, not the whole graph's.
 * Each role holder's events are read once however many roles (titles, terms) the holder has there: a hub's
 * holders (an attorney general with several titles at the department) would otherwise be walked once per role.
 */
export function eventsInitiatedBy(event: string, list: string, ctx: CompileContext): string {
  const by = ctx.cypher.variable('by');
  const holder = ctx.cypher.variable('holder');
  return [
    `CALL (${list}) {`,
    `  UNWIND ${list} AS ${by}`,
    `  MATCH (${by})-[:INITIATED]->(${event}:Event)`,
    `  RETURN ${event}`,
    '  UNION',
    `  UNWIND ${list} AS ${by}`,
    `  MATCH (${by})<-[:HOLDS_ROLE]-(${holder}:Entity)`,
    `  WITH DISTINCT ${holder}`,
    `  MATCH (${holder})-[:INITIATED]->(${event}:Event)`,
    `  RETURN ${event}`,
    '}',
  ].join('\n');
}
