import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, validate } from 'graphql';
import { aliasLimitRule } from '../../compiler/analysis/alias-limit';
import { queryCost, tooCostly } from '../../compiler/analysis/cost';
import { depthLimitRule } from '../../compiler/analysis/depth-limit';
import type { Config } from '../../core/config';
import { ErrorCode } from '../../core/errors';
import type { Context } from '../../graphql/context';

/** Limit violations are client errors. */
const BAD_REQUEST = { status: 400, headers: new Map<string, string>() };

function withStatus(error: GraphQLError, code?: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, ...(code ? { code } : {}), http: BAD_REQUEST },
  });
}

/** The estimated cost; a variable that does not fit its declared type is the client's error, as Apollo has it. */
function costOf(...args: Parameters<typeof queryCost>): number {
  try {
    return queryCost(...args);
  } catch (error) {
    // The estimator coerces the variables first and throws graphql-js's coercion error, which has no code.
    if (error instanceof GraphQLError) throw withStatus(error, ErrorCode.BAD_USER_INPUT);
    throw error;
  }
}

/**
 * The first limit the operation breaks (depth, aliases, cost with these variables), or null. Shared by the
 * HTTP plugin below and by the subscriptions on WebSocket (src/server/subscriptions.ts).
 */
export function limitViolation(
  limits: Config['limits'],
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): GraphQLError | null {
  const [tooBig] = validate(schema, document, [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)]);
  if (tooBig) return tooBig;
  const cost = costOf(schema, document, variables, operationName);
  return cost > limits.maxCost ? tooCostly(cost, limits.maxCost) : null;
}

/**
 * Rejects an operation nested deeper than limits.maxDepth (QUERY_TOO_DEEP), with more than limits.maxAliases
 * aliases (QUERY_TOO_MANY_ALIASES), or estimated to cost more than limits.maxCost (QUERY_TOO_COSTLY) before
 * anything is executed. It runs once the operation is resolved rather than as one of Apollo's
 * `validationRules` for two reasons: Apollo replaces the code of every validation error with
 * GRAPHQL_VALIDATION_FAILED, and the cost depends on variables (`first: $n`), which validation rules never see.
 */
export function queryLimitsPlugin(limits: Config['limits']): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const violation = limitViolation(limits, schema, document, request.variables ?? {}, operationName);
          if (violation) throw withStatus(violation);
        },
      };
    },
  };
}
