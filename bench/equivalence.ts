import { IMPLS, type Impl } from './impls';

/**
 * The equivalence gate: before a row is timed, each implementation answers once, each answer is reduced to
 * the same normal form (ids in the order the query defines, edges as sorted keys), and a ratio is printed
 * only when the three normal forms are equal. A disagreement says what differed, so a row that compares
 * different work is visible instead of being timed as if it did not.
 */

/** An answer reduced to what must be equal: `items` (in the query's order) and `edges` (sorted keys). */
export interface Normalized {
  items: string[];
  edges: string[];
}

/** What the gate concluded for one row: agree, or the differences (each one line) from the first impl. */
export interface Verdict {
  agree: boolean;
  /** Lines such as "raw: items[3] is a>b, ours has a>c". Empty when the row agrees. */
  differences: string[];
  /** Items and edges of the agreed answer (or of this service's, when they differ): sizes for the report. */
  items: number;
  edges: number;
}

/** One implementation's answer to the gate: its normal form, or the error it failed with. */
export type GateAnswer = { normalized: Normalized } | { error: string };

/** Edges as sorted keys: a query that defines no order of edges is compared as a multiset. */
export function edgeKeys(edges: string[]): string[] {
  return [...edges].sort();
}

const MAX_LISTED = 3;

/** What differs between two normal forms, as at most a few lines; empty when they are equal. */
export function describeDifference(label: string, expected: Normalized, actual: Normalized): string[] {
  const out: string[] = [];
  const compare = (what: 'items' | 'edges', ordered: boolean) => {
    const a = expected[what];
    const b = actual[what];
    if (a.length !== b.length) out.push(`${label}: ${b.length} ${what}, expected ${a.length}`);
    if (ordered) {
      const at = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).find((i) => a[i] !== b[i]);
      if (at !== undefined) out.push(`${label}: ${what}[${at}] is ${b[at] ?? 'absent'}, expected ${a[at] ?? 'absent'}`);
    }
    const missing = a.filter((x) => !b.includes(x));
    const extra = b.filter((x) => !a.includes(x));
    if (missing.length)
      out.push(
        `${label}: missing ${what} ${missing.slice(0, MAX_LISTED).join(', ')}${missing.length > MAX_LISTED ? ` (+${missing.length - MAX_LISTED})` : ''}`,
      );
    if (extra.length)
      out.push(
        `${label}: extra ${what} ${extra.slice(0, MAX_LISTED).join(', ')}${extra.length > MAX_LISTED ? ` (+${extra.length - MAX_LISTED})` : ''}`,
      );
  };
  compare('items', true);
  compare('edges', false);
  return out;
}

/**
 * The gate's verdict on a row: every implementation answered and every normal form equals this service's.
 * An error counts as a disagreement (a row is never timed on an answer it did not give).
 */
export function judge(answers: Record<Impl, GateAnswer>): Verdict {
  const differences: string[] = [];
  for (const impl of IMPLS) {
    const a = answers[impl];
    if ('error' in a) differences.push(`${impl}: failed: ${a.error}`);
  }
  const reference = answers.ours;
  if (!('normalized' in reference)) return { agree: false, differences, items: 0, edges: 0 };
  for (const impl of IMPLS.filter((i) => i !== 'ours')) {
    const a = answers[impl];
    if ('normalized' in a) differences.push(...describeDifference(impl, reference.normalized, a.normalized));
  }
  return {
    agree: differences.length === 0,
    differences,
    items: reference.normalized.items.length,
    edges: reference.normalized.edges.length,
  };
}
