import type { CypherScope } from './cypher';
import type { RequestDocument } from './selection';

/** Everything a compile step needs: the request (schema, fragments, variables) and the statement being built. */
export interface CompileContext extends RequestDocument {
  cypher: CypherScope;
}

/**
 * The Cypher variables one GraphQL object is projected from: `{node}` for an entity or an article,
 * `{actor, rel, target}` for a stance, `{rel, index}` for one piece of evidence, and so on. Values are
 * variable names bound by the enclosing clause, never expressions.
 */
export type Scope = Readonly<Record<string, string>>;
