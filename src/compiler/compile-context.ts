import type { CypherScope } from './cypher/statement';
import type { RequestDocument, SelectedField } from './analysis/selection';

/**
 * Everything a compile step needs: the request (schema, fragments, variables), the statement being built, and
 * how each field of each object type compiles. The last is passed in rather than imported because projecting
 * an object compiles its fields, and a field that returns an object projects it: a recursion, not a cycle of
 * modules.
 */
export interface CompileContext extends RequestDocument {
  cypher: CypherScope;
  fieldCompiler: (typeName: string, fieldName: string) => FieldCompiler;
}

/** Compiles one selected field of an object, given the variables the object is projected from. */
export type FieldCompiler = (scope: Scope, field: SelectedField, ctx: CompileContext) => string;

/**
 * The Cypher variables one GraphQL object is projected from: `{node}` for an entity or an article,
 * `{actor, rel, target}` for a stance, `{rel, index}` for one piece of evidence, and so on. Values are
 * variable names bound by the enclosing clause, never expressions.
 */
export type Scope = Readonly<Record<string, string>>;
