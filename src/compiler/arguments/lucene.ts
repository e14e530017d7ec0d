/**
 * Building Lucene queries for the `entity_names` full-text index from user text. Every character the Lucene
 * query parser treats as syntax is escaped, so user text can only ever be terms.
 */

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character with a backslash. */
export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** Words of the text, lower-cased (the index analyzer lower-cases; fuzzy terms are not analyzed). */
export function searchTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu) ?? []).slice(0, 16);
}

/** Edits a fuzzy term may differ by: none for short words (too many false hits), then 1, then 2. */
function fuzziness(term: string): 0 | 1 | 2 {
  if (term.length <= 3) return 0;
  return term.length <= 5 ? 1 : 2;
}

/** Shortest last word that `prefix` matches as the start of a word: one letter would match half the index. */
export const MIN_PREFIX_LENGTH = 2;

/**
 * A ranked, typo-tolerant query: each term matches exactly (boosted) or fuzzily, and the whole text as a
 * phrase gets a further boost, so "jeff sessions" prefers the name over names that share one word. With
 * `prefix`, the last term also matches words it starts ("garc" finds Garcetti), for a search as you type.
 * Null when the text has no word to search for.
 */
export function fuzzyQuery(text: string, prefix = false): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const clauses = terms.map((term, i) => {
    const exact = `${escapeLucene(term)}^3`;
    const edits = fuzziness(term);
    const alternatives = edits === 0 ? [exact] : [exact, `${escapeLucene(term)}~${edits}`];
    if (prefix && i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH)
      alternatives.push(`${escapeLucene(term)}*`);
    return alternatives.length === 1 ? exact : `(${alternatives.join(' OR ')})`;
  });
  if (terms.length > 1) clauses.push(`"${terms.map(escapeLucene).join(' ')}"^4`);
  return clauses.join(' OR ');
}

/** A phrase query that finds the nodes whose name or an alias contains the text's words in order. */
export function phraseQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms.length === 0 ? null : `"${terms.map(escapeLucene).join(' ')}"`;
}
