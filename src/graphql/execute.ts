import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import type { Context } from './context';
import { type CompiledOperation, compileOperation } from '../compiler/compile-operation';

interface OperationResult {
  compiled: CompiledOperation;
  data: Record<string, unknown>;
}

// One pending result per (request context, operation): every root resolver of a request awaits the same one.
const pending = new WeakMap<Context, Map<OperationDefinitionNode, Promise<OperationResult>>>();

async function run(info: GraphQLResolveInfo, ctx: Context): Promise<OperationResult> {
  const compiled = compileOperation(
    { schema: info.schema, fragments: info.fragments, variables: info.variableValues },
    info.operation,
  );
  if (!compiled.statement) return { compiled, data: {} };
  const { cypher, params } = compiled.statement;
  const [row] = await ctx.db.read<{ data: Record<string, unknown> }>(cypher, params, ctx.roundTrips);
  return { compiled, data: row?.data ?? {} };
}

/**
 * Resolves a root field from the request's single statement. The first root resolver to run compiles the
 * whole operation and sends it; the others wait for the same answer, so a request costs one round trip
 * however many root fields and nesting levels it has.
 */
export async function resolveFromGraph(info: GraphQLResolveInfo, ctx: Context): Promise<unknown> {
  let byOperation = pending.get(ctx);
  if (!byOperation) {
    byOperation = new Map();
    pending.set(ctx, byOperation);
  }
  let result = byOperation.get(info.operation);
  if (!result) {
    result = run(info, ctx);
    byOperation.set(info.operation, result);
  }
  const { compiled, data } = await result;
  const key = info.path.key as string;
  const error = compiled.errors.get(key);
  if (error) throw error;
  return data[key] ?? null;
}
