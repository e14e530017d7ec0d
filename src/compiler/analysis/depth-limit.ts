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
 * How deeply a selection set nests fields: `{ entity { name } }` is 2. Fragments count as the fields they
 * spread; introspection (`__schema`, `__type`) is not counted, so GraphiQL's own queries always pass.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  visiting: ReadonlySet<string> = new Set(),
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
      const below = selection.selectionSet ? selectionDepth(selection.selectionSet, fragment, visiting) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragment, visiting));
    } else {
      const name = selection.name.value;
      const definition = fragment(name);
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it just stops.
      if (!definition || visiting.has(name)) continue;
      deepest = Math.max(deepest, selectionDepth(definition.selectionSet, fragment, new Set([...visiting, name])));
    }
  }
  return deepest;
}

/** A validation rule rejecting operations nested deeper than maxDepth, with code QUERY_TOO_DEEP. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, (name) => context.getFragment(name));
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}.`, {
            nodes: [operation],
            extensions: { code: ErrorCode.QUERY_TOO_DEEP, depth, maxDepth },
          }),
        );
      }
    },
  });
}
