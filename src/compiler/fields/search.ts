import { badInput } from '../../core/errors';
import { text } from '../arguments/arguments';
import type { CompileContext } from '../compile-context';
import { LIMITS } from '../arguments/limits';
import { fuzzyQuery } from '../arguments/lucene';
import { ENTITY_NAMES_INDEX, type GraphQLKind, labelOfGraphQLKind } from '../../core/vocabulary';
import type { Rows } from '../cypher/page';
import { paginated } from './paginated';
import { type SelectedField, argumentsOf } from '../analysis/selection';

/** Re-ranking on top of Lucene's score: a whole-name or whole-alias match counts most; events count less. */
export const EXACT_MATCH_BOOST = 4;
export const EVENT_WEIGHT = 0.5;

function searchRows(field: SelectedField, ctx: CompileContext): { lines: string[]; rows: Rows } {
  const args = argumentsOf(ctx, field);
  const needle = text(args.text, 'text');
  const query = fuzzyQuery(needle, args.prefix === true);
  if (!query) throw badInput('text', 'must contain at least one letter or digit');
  const node = ctx.cypher.variable('hit');
  const score = ctx.cypher.variable('score');
  const rank = ctx.cypher.variable('rank');
  const alias = ctx.cypher.variable('alias');
  const kinds = args.kinds as GraphQLKind[] | null | undefined;
  const lines = [
    `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', ${ctx.cypher.param(query)}, {limit: ${ctx.cypher.intParam(LIMITS.searchCandidates)}})`,
    `  YIELD node AS ${node}, score AS ${score}`,
  ];
  if (kinds && kinds.length > 0) {
    const labels = ctx.cypher.param(kinds.map(labelOfGraphQLKind));
    const label = ctx.cypher.variable('label');
    lines.push(`WHERE any(${label} IN labels(${node}) WHERE ${label} IN ${labels})`);
  }
  const lowered = `toLower(${ctx.cypher.param(needle)})`;
  lines.push(
    `WITH ${node}, ${score}`,
    `  * CASE WHEN toLower(${node}.name) = ${lowered} OR any(${alias} IN coalesce(${node}.aliases, []) WHERE toLower(${alias}) = ${lowered}) THEN ${EXACT_MATCH_BOOST.toFixed(1)} ELSE 1.0 END`,
    `  * CASE WHEN ${node}:Event THEN ${EVENT_WEIGHT.toFixed(1)} ELSE 1.0 END AS ${rank}`,
  );
  return {
    lines,
    rows: {
      vars: [node, rank],
      orderBy: [`${rank} DESC`, `${node}.name`, `${node}.id`],
      scope: { node },
      edgeValues: { score: rank },
    },
  };
}

const search = paginated(searchRows);

/**
 * `search(text, kinds, first, after)`: entities whose name or an alias matches the words of the text,
 * tolerating case and small typos, best first.
 */
export const compileSearch = search.list;

/** `searchConnection(...)`: the same results as edges with cursors and scores, and page info. */
export const compileSearchConnection = search.connection;
