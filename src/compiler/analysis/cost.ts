import { type DocumentNode, GraphQLError, type GraphQLSchema, getNullableType, isListType } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '../../core/errors';

/** Items assumed for a list without a `first` argument (evidence, subgraph nodes): small in this model. */
export const UNPAGED_LIST_ITEMS = 3;

/**
 * Each field costs 1 plus what it contains, times the number of items it may return: its `first` (with
 * the default when absent), or a small constant for lists without one. Nested pages multiply, which is what
 * the compiled statement does too.
 */
export const costEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  // Introspection (__schema, __type, __typename) never reaches the database; GraphiQL must always work.
  if (field.name.startsWith('__')) return 0;
  if (typeof args.first === 'number') return 1 + Math.max(args.first, 0) * childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + UNPAGED_LIST_ITEMS * childComplexity;
  return 1 + childComplexity;
};

/** The estimated cost of the operation with these variables. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    estimators: [costEstimator],
    ...(operationName ? { operationName } : {}),
  });
}

/** The QUERY_TOO_COSTLY error, saying the cost, the limit and what to do. */
export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists.`,
    { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost } },
  );
}
