import type { CompileContext } from '../compile-context';

/**
 * One fact, many relationships: curated and extracted statements of a fact are separate relationships
 * (docs/provenance.md), so every list of facts groups them back into one item. These build the Cypher of
 * that grouping; a group is a list of relationships, curated first, whose head answers the fact's own
 * fields (origin, type, title) and whose members together answer its sources and evidence.
 */

/**
 * What identifies a fact: its `key` (type, ends and qualifiers, set by the ingest). A relationship without
 * one (a MENTIONS, or a graph older than keys) is a fact of its own.
 */
export function factIdentity(rel: string): string {
  return `coalesce(${rel}.key, elementId(${rel}))`;
}

/** The relationships of `group`, curated ones first (a fact has at most one relationship per origin). */
export function curatedFirst(group: string, ctx: CompileContext): string {
  const [c, e] = [ctx.cypher.variable('c'), ctx.cypher.variable('e')];
  return (
    `[${c} IN ${group} WHERE coalesce(${c}.origin, 'curated') = 'curated'] + ` +
    `[${e} IN ${group} WHERE coalesce(${e}.origin, 'curated') <> 'curated']`
  );
}

/**
 * Clauses that turn rows of (`keep`..., `rel`) into one row per fact: `rels` bound to the fact's
 * relationships (curated first) and `rel` to the first of them. Rows are counted, ordered and paged after
 * this, so `first`, `after` and totals count facts.
 */
export function collapseFacts(keep: string[], rel: string, rels: string, ctx: CompileContext): string[] {
  const [identity, group] = [ctx.cypher.variable('fact'), ctx.cypher.variable('group')];
  const carried = keep.map((k) => `${k}, `).join('');
  return [
    `WITH ${carried}${factIdentity(rel)} AS ${identity}, collect(${rel}) AS ${group}`,
    `WITH ${carried}${curatedFirst(group, ctx)} AS ${rels}`,
    `WITH ${carried}${rels}, head(${rels}) AS ${rel}`,
  ];
}

/** Distinct article ids over the `sources` of every relationship of a fact. */
export function sourceCount(rels: string, ctx: CompileContext): string {
  const [all, x, seen, s] = ['all', 'x', 'seen', 's'].map((h) => ctx.cypher.variable(h));
  const sources = `reduce(${all} = [], ${x} IN ${rels} | ${all} + coalesce(${x}.sources, []))`;
  return `size(reduce(${seen} = [], ${s} IN ${sources} | CASE WHEN ${s} IN ${seen} THEN ${seen} ELSE ${seen} + ${s} END))`;
}
