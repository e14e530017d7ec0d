import { isObjectType } from 'graphql';
import type { CompileContext, Scope } from '../compile-context';
import { mapLiteral } from './statement';
import { projectType } from './projection';
import { type SelectedField, collectFields, subSelections } from '../analysis/selection';

/** The parallel list each Evidence field reads its entry from (docs/model.md). */
const EVIDENCE_LISTS: Record<string, string> = {
  quote: 'evidenceQuotes',
  confidence: 'evidenceConfidence',
  article: 'evidenceArticles',
};

/**
 * The evidence of a fact, one entry per (quote, article) of each of its relationships `rels` in their order
 * (curated first): a relationship keeps them as parallel lists (docs/model.md), so entry i pairs
 * evidenceQuotes[i] with the Article whose id is evidenceArticles[i], found by its unique id in the same
 * statement. Each list the selection needs is read from the relationship once, into a map under the same
 * key, and the entries index that map: indexing the property itself reads the whole list again for every
 * entry, quadratic in a hub fact's thousands of quotes.
 */
export function evidenceList(rels: string, field: SelectedField, ctx: CompileContext): string {
  const [all, rel, read, index] = [
    ctx.cypher.variable('all'),
    ctx.cypher.variable('x'),
    ctx.cypher.variable('r'),
    ctx.cypher.variable('i'),
  ];
  const evidenceType = ctx.schema.getType('Evidence');
  const selected = isObjectType(evidenceType) ? collectFields(ctx, evidenceType, subSelections(field)) : [];
  const lists = new Set(['evidenceQuotes']);
  for (const f of selected) {
    const list = EVIDENCE_LISTS[f.fieldName];
    if (!list) throw new Error(`No evidence list for Evidence.${f.fieldName}`);
    lists.add(list);
  }
  const item = projectType('Evidence', { rel, index }, subSelections(field), ctx);
  const readOnce = `[${read} IN ${rels} | ${mapLiteral([...lists].map((l) => [l, `${read}.${l}`]))}]`;
  const ofRel = `[${index} IN range(0, size(coalesce(${rel}.evidenceQuotes, [])) - 1) | ${item}]`;
  return `reduce(${all} = [], ${rel} IN ${readOnce} | ${all} + ${ofRel})`;
}

/** The Article an evidence entry comes from, projected with the field's selection. */
export function evidenceArticle(scope: Scope, field: SelectedField, ctx: CompileContext): string {
  const id = `${scope.rel}.evidenceArticles[${scope.index}]`;
  // `article { id }` is answered from the evidence itself: a retraction keeps these ids pointing at articles.
  const articleType = ctx.schema.getType('Article');
  const selected = isObjectType(articleType) ? collectFields(ctx, articleType, subSelections(field)) : [];
  if (selected.length > 0 && selected.every((f) => f.fieldName === 'id')) {
    return mapLiteral(selected.map((f) => [f.responseKey, id]));
  }
  const article = ctx.cypher.variable('article');
  const projection = projectType('Article', { node: article }, subSelections(field), ctx);
  return `head(COLLECT { MATCH (${article}:Article {id: ${id}}) RETURN ${projection} })`;
}
