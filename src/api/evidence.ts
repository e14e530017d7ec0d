import type { CompileContext, Scope } from './compile-context';
import { projectType } from './projection';
import type { SelectedField } from './selection';
import { subSelections } from './selection';

/**
 * The evidence of a fact relationship, one entry per (quote, article): the relationship keeps them as
 * parallel lists (docs/model.md), so entry i pairs evidenceQuotes[i] with the Article whose id is
 * evidenceArticles[i], found by its unique id in the same statement.
 */
export function evidenceList(rel: string, field: SelectedField, ctx: CompileContext): string {
  const index = ctx.cypher.variable('i');
  const item = projectType('Evidence', { rel, index }, subSelections(field), ctx);
  return `[${index} IN range(0, size(coalesce(${rel}.evidenceQuotes, [])) - 1) | ${item}]`;
}

/** The Article an evidence entry comes from, projected with the field's selection. */
export function evidenceArticle(scope: Scope, field: SelectedField, ctx: CompileContext): string {
  const article = ctx.cypher.variable('article');
  const projection = projectType('Article', { node: article }, subSelections(field), ctx);
  return `head(COLLECT { MATCH (${article}:Article {id: ${scope.rel}.evidenceArticles[${scope.index}]}) RETURN ${projection} })`;
}
