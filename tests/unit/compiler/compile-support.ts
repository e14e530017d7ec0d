import { type GraphQLSchema, parse, validate } from 'graphql';
import { type CompiledOperation, compileDocument } from '../../../src/compiler/compile-operation';
import { buildGraphSchema } from '../../../src/graphql';

let schema: GraphQLSchema | undefined;

/** The API schema, built once per test file. */
export async function apiSchema(): Promise<GraphQLSchema> {
  schema ??= await buildGraphSchema();
  return schema;
}

/** Validates a query against the API schema (as the server would) and compiles it. */
export async function compile(query: string, variables: Record<string, unknown> = {}): Promise<CompiledOperation> {
  const s = await apiSchema();
  const document = parse(query);
  const errors = validate(s, document);
  if (errors.length > 0) throw new Error(`Invalid test query: ${errors.map((e) => e.message).join('; ')}`);
  return compileDocument(s, document, variables);
}

/** The compiled statement of a query that must compile without argument errors. */
export async function statementOf(query: string, variables: Record<string, unknown> = {}) {
  const compiled = await compile(query, variables);
  if (compiled.errors.size > 0) throw new Error([...compiled.errors.values()].map((e) => e.message).join('; '));
  if (!compiled.statement) throw new Error('No statement');
  return compiled.statement;
}

/** Parameter values with driver integers turned back into numbers, for readable expectations. */
export function plainParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof (v as { toNumber?: unknown })?.toNumber === 'function' ? (v as { toNumber(): number }).toNumber() : v,
    ]),
  );
}

/** How often a piece of text occurs in the Cypher. */
export function occurrences(cypher: string, text: string): number {
  return cypher.split(text).length - 1;
}
