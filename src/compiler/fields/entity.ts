import { getNamedType } from 'graphql';
import { text } from '../arguments/arguments';
import { projectType } from '../cypher/projection';
import type { RootFieldCompiler } from './root-field';
import { argumentsOf, subSelections } from '../analysis/selection';

/** `entity(id)`: the entity with that id, or null. Aggregating keeps exactly one row when there is none. */
export const compileEntity: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const id = ctx.cypher.param(text(args.id, 'id'));
  const node = ctx.cypher.variable('entity');
  const projection = projectType(getNamedType(field.definition.type).name, { node }, subSelections(field), ctx);
  return [`MATCH (${node}:Entity {id: ${id}})`, `RETURN head(collect(${projection})) AS ${column}`].join('\n');
};

/** `article(id)`: the article with that id, or null; the one place an article's text is served (article-fields.ts). */
export const compileArticle: RootFieldCompiler = (field, column, ctx) => {
  const args = argumentsOf(ctx, field);
  const id = ctx.cypher.param(text(args.id, 'id'));
  const node = ctx.cypher.variable('article');
  const projection = projectType('Article', { node, text: node }, subSelections(field), ctx);
  return [`MATCH (${node}:Article {id: ${id}})`, `RETURN head(collect(${projection})) AS ${column}`].join('\n');
};
