import { GraphQLError } from 'graphql';
import { pageSize } from '../arguments/arguments';
import type { CompileContext, FieldCompiler } from '../compile-context';
import { ErrorCode } from '../../core/errors';
import { FACT_TYPES, MENTIONS } from '../../core/vocabulary';
import { LIMITS } from '../arguments/limits';
import { curatedFirst, factIdentity } from './collapse';
import { projectType } from './projection';
import { argumentsOf, subSelections } from '../analysis/selection';

/**
 * The fields of an Article that the reader asks for: its text and the facts it states. An article's text is
 * its whole body, so it is served for one article at a time: only `article(id)` puts its node in the scope as
 * `text`; anywhere else (an article in a list of evidence or mentions) asking for it is a clear error rather
 * than a page of whole articles.
 */

/** The error for `Article.text` asked for outside `article(id)`. */
export function textNotServedHere(): GraphQLError {
  return new GraphQLError(
    'Field "Article.text" is served for one article at a time: ask for it as article(id) { text }, ' +
      'not on the articles of a list (evidence, mentions, search).',
    { extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'Article.text' } },
  );
}

/** `Article.text`: the article's plain text, when the scope allows it (see above); null for an article without. */
export const articleText: FieldCompiler = (scope) => {
  if (!scope.text) throw textNotServedHere();
  return `${scope.text}.text`;
};

/**
 * `Article.facts(first)`: the fact relationships this article is a source of, one item per fact, in a fixed
 * order (type, then the ids of the ends). Every end of an article's fact is an entity it declares, so the
 * facts are found from the entities it MENTIONS, never by scanning relationships.
 */
export const articleFacts: FieldCompiler = (scope, field, ctx: CompileContext) => {
  const args = argumentsOf(ctx, field);
  const first = pageSize(args.first ?? LIMITS.nestedPageSize, 'facts(first)');
  const article = scope.node!;
  const [from, to, r, same, group, rels, head] = ['from', 'to', 'r', 'same', 'group', 'rels', 'head'].map((v) =>
    ctx.cypher.variable(v),
  ) as [string, string, string, string, string, string, string];
  const types = FACT_TYPES.join('|');
  const edge = projectType('Edge', { rel: head, rels }, subSelections(field), ctx);
  return [
    'COLLECT {',
    `  MATCH (${article})-[:${MENTIONS}]->(${from}:Entity)-[${r}:${types}]->(${to}:Entity)`,
    `  WHERE ${article}.id IN ${r}.sources`,
    `  WITH DISTINCT ${from}, ${to}, ${r}`,
    `  WITH ${r}, COLLECT { MATCH (${from})-[${same}:${types}]->(${to}) WHERE ${factIdentity(same)} = ${factIdentity(r)} RETURN ${same} } AS ${group}`,
    `  WITH ${curatedFirst(group, ctx)} AS ${rels}`,
    `  WITH ${rels}, head(${rels}) AS ${head}`,
    `  WITH ${rels}, ${head} ORDER BY type(${head}), startNode(${head}).id, endNode(${head}).id, coalesce(${head}.title, '') LIMIT ${ctx.cypher.intParam(first)}`,
    `  RETURN ${edge}`,
    '}',
  ].join('\n');
};
