import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../../core/errors';

/**
 * How many aliased fields a selection set holds, a fragment counted once per spread (the compiled statement
 * repeats it). Each fragment's count is computed once, so nested spreads cannot make the count itself slow.
 */
export function aliasCount(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  counted: Map<string, number> = new Map(),
  visiting: ReadonlySet<string> = new Set(),
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) total += 1;
      if (selection.selectionSet) total += aliasCount(selection.selectionSet, fragment, counted, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += aliasCount(selection.selectionSet, fragment, counted, visiting);
    } else {
      const name = selection.name.value;
      const definition = fragment(name);
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it just stops.
      if (!definition || visiting.has(name)) continue;
      let count = counted.get(name);
      if (count === undefined) {
        count = aliasCount(definition.selectionSet, fragment, counted, new Set([...visiting, name]));
        counted.set(name, count);
      }
      total += count;
    }
  }
  return total;
}

/**
 * A validation rule rejecting operations with more than maxAliases aliases, with code QUERY_TOO_MANY_ALIASES.
 * Aliases are what lets a client repeat a field: every repetition of a root or relationship field is one more
 * subquery of the operation's single Cypher statement, and Neo4j's planning time grows faster than their number
 * (500 aliased `entity` fields cost 1,500 but did not plan within the query time-out), which the cost estimate,
 * counting items, does not see.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const aliases = aliasCount(operation.selectionSet, (name) => context.getFragment(name));
      if (aliases > maxAliases) {
        context.reportError(
          new GraphQLError(
            `Query uses ${aliases} aliases; the limit is ${maxAliases}: send fewer repeated fields, or several requests.`,
            { nodes: [operation], extensions: { code: ErrorCode.QUERY_TOO_MANY_ALIASES, aliases, maxAliases } },
          ),
        );
      }
    },
  });
}
