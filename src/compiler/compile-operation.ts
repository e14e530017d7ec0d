import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { compileArticle, compileEntity } from './fields/entity';
import { compileEvents, compileEventsConnection } from './fields/events';
import { compileNeighborhood } from './fields/neighborhood';
import { compilePath } from './fields/path';
import { compileSearch, compileSearchConnection } from './fields/search';
import { compileStances, compileStancesConnection } from './fields/stances';
import { compileTimeline } from './fields/timeline';
import type { CompileContext } from './compile-context';
import { CypherScope, type Statement, indent, mapLiteral } from './cypher/statement';
import type { RootFieldCompiler } from './fields/root-field';
import { type RequestDocument, collectFields } from './analysis/selection';
import { fieldCompiler } from './cypher/type-fields';

/** The Query fields answered from the graph, by field name. Other root fields (health) resolve on their own. */
export const ROOT_FIELDS: Record<string, RootFieldCompiler> = {
  entity: compileEntity,
  article: compileArticle,
  search: compileSearch,
  searchConnection: compileSearchConnection,
  stances: compileStances,
  stancesConnection: compileStancesConnection,
  events: compileEvents,
  eventsConnection: compileEventsConnection,
  timeline: compileTimeline,
  neighborhood: compileNeighborhood,
  path: compilePath,
};

/** A compiled operation: one statement for every graph field (null when none compiled), and the fields that failed. */
export interface CompiledOperation {
  statement: Statement | null;
  /** Response keys the statement's single row answers, under the same key. */
  keys: string[];
  /** Response keys whose arguments were rejected, with the error to report for each. */
  errors: Map<string, GraphQLError>;
}

/**
 * Compiles every graph field of a query operation into ONE Cypher statement: each root field becomes a
 * CALL subquery returning one row, and the statement returns one map keyed by response key. A field with a
 * bad argument is left out and reported on its own, so the others still answer.
 */
export function compileOperation(doc: RequestDocument, operation: OperationDefinitionNode): CompiledOperation {
  const queryType = doc.schema.getQueryType();
  if (!queryType || operation.operation !== 'query') throw new Error('Only query operations are compiled');
  const ctx: CompileContext = { ...doc, cypher: new CypherScope(), fieldCompiler };
  const subqueries: string[] = [];
  const columns: (readonly [string, string])[] = [];
  const errors = new Map<string, GraphQLError>();
  for (const field of collectFields(doc, queryType, [operation.selectionSet])) {
    const compile = ROOT_FIELDS[field.fieldName];
    if (!compile) continue;
    const column = ctx.cypher.variable('result');
    try {
      subqueries.push(`CALL {\n${indent(compile(field, column, ctx))}\n}`);
      columns.push([field.responseKey, column]);
    } catch (error) {
      // Bad arguments (GraphQLErrors with a code) belong to their field; anything else is a bug.
      if ((error as GraphQLError).extensions?.code === undefined) throw error;
      errors.set(field.responseKey, error as GraphQLError);
    }
  }
  const keys = columns.map(([k]) => k);
  if (columns.length === 0) return { statement: null, keys, errors };
  return {
    statement: { cypher: `${subqueries.join('\n')}\nRETURN ${mapLiteral(columns)} AS data`, params: ctx.cypher.params },
    keys,
    errors,
  };
}

/** Compiles a parsed document's operation (by name, or the only one) with the given variables; for tests and tools. */
export function compileDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): CompiledOperation {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`No operation ${operationName ?? ''} in the document`);
  return compileOperation({ schema, fragments, variables }, operation);
}
