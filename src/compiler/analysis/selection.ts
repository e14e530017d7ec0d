import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type InlineFragmentNode,
  Kind,
  type SelectionSetNode,
  getArgumentValues,
  getDirectiveValues,
  isAbstractType,
  typeFromAST,
  type FragmentSpreadNode,
} from 'graphql';

/** What the compiler reads from a request besides the schema: its fragments and variable values. */
export interface RequestDocument {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** One field of a selection set as graphql-js executes it: a response key and the field nodes merged under it. */
export interface SelectedField {
  responseKey: string;
  fieldName: string;
  nodes: readonly FieldNode[];
  definition: GraphQLField<unknown, unknown>;
}

function included(doc: RequestDocument, node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, doc.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, doc.variables)?.if === false) return false;
  return true;
}

function conditionMatches(
  doc: RequestDocument,
  fragment: FragmentDefinitionNode | InlineFragmentNode,
  type: GraphQLObjectType,
): boolean {
  if (!fragment.typeCondition) return true;
  const condition = typeFromAST(doc.schema, fragment.typeCondition);
  if (condition === type) return true;
  return condition !== undefined && isAbstractType(condition) && doc.schema.isSubType(condition, type);
}

/**
 * The fields a selection set asks of an object of the given type, keyed by response key, in the order
 * graphql-js executes them: fragments and inline fragments whose type condition matches are flattened,
 * @skip/@include are applied, and meta fields (`__typename`) are left to graphql-js.
 */
export function collectFields(
  doc: RequestDocument,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): SelectedField[] {
  const byKey = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (!included(doc, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const responseKey = selection.alias?.value ?? selection.name.value;
        const nodes = byKey.get(responseKey);
        if (nodes) nodes.push(selection);
        else byKey.set(responseKey, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (conditionMatches(doc, selection, type)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = doc.fragments[name];
        if (visited.has(name) || !fragment || !conditionMatches(doc, fragment, type)) continue;
        visited.add(name);
        walk(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) walk(selectionSet);

  const fields = type.getFields();
  const selected: SelectedField[] = [];
  for (const [responseKey, nodes] of byKey) {
    const fieldName = nodes[0]!.name.value;
    const definition = fields[fieldName];
    // Validation has already rejected unknown fields; a missing definition means a schema/compiler mismatch.
    if (!definition) throw new Error(`Type ${type.name} has no field ${fieldName}`);
    selected.push({ responseKey, fieldName, nodes, definition });
  }
  return selected;
}

/** The sub-selections of a field, merged across its nodes. */
export function subSelections(field: SelectedField): SelectionSetNode[] {
  return field.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** The field's argument values, coerced with defaults and variables exactly as execution would. */
export function argumentsOf(doc: RequestDocument, field: SelectedField): Record<string, unknown> {
  return getArgumentValues(field.definition, field.nodes[0]!, doc.variables);
}
