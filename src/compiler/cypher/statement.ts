import neo4j from 'neo4j-driver';

/** A compiled statement: Cypher text and the parameters it refers to. Nothing of the user is in the text. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * The parameters of one statement being compiled, and fresh variable names for it. One instance serves a
 * whole request, so names never collide between root fields or nested subqueries (Cypher forbids a
 * subquery from redeclaring an outer variable).
 */
export class CypherScope {
  readonly params: Record<string, unknown> = {};
  private paramCount = 0;
  private readonly varCounts = new Map<string, number>();

  /** Adds a value as a parameter and returns its reference, e.g. `$p3`. */
  param(value: unknown): string {
    const name = `p${this.paramCount++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /**
   * Adds a whole number as an integer parameter: JavaScript numbers travel as floats, and LIMIT, SKIP and
   * list indexes need integers.
   */
  intParam(value: number): string {
    return this.param(neo4j.int(value));
  }

  /** A variable name not used elsewhere in the statement, e.g. `person2`. */
  variable(hint: string): string {
    const n = this.varCounts.get(hint) ?? 0;
    this.varCounts.set(hint, n + 1);
    return `${hint}${n}`;
  }
}

/** Quotes a map key or identifier; keys come from GraphQL names ([_A-Za-z][_0-9A-Za-z]*), never from values. */
export function key(name: string): string {
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) throw new Error(`Not a GraphQL name: ${name}`);
  return `\`${name}\``;
}

/** A map literal from [key, expression] entries, one entry per line. */
export function mapLiteral(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return '{}';
  return `{${entries.map(([k, v]) => `${key(k)}: ${v}`).join(', ')}}`;
}

/** Indents every line of a block (compiled statements stay readable in logs and tests). */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? by + line : line))
    .join('\n');
}
