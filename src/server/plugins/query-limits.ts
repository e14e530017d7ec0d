import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate } from 'graphql';
import { queryCost, tooCostly } from '../../compiler/analysis/cost';
import { depthLimitRule } from '../../compiler/analysis/depth-limit';
import type { Config } from '../../core/config';
import type { Context } from '../../graphql/context';

/** Limit violations are client errors. */
const BAD_REQUEST = { status: 400, headers: new Map<string, string>() };

function withStatus(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, http: BAD_REQUEST },
  });
}

/**
 * Rejects an operation nested deeper than limits.maxDepth (QUERY_TOO_DEEP) or estimated to cost more than
 * limits.maxCost (QUERY_TOO_COSTLY) before anything is executed. It runs once the operation is resolved
 * rather than as one of Apollo's `validationRules` for two reasons: Apollo replaces the code of every
 * validation error with GRAPHQL_VALIDATION_FAILED, and the cost depends on variables (`first: $n`), which
 * validation rules never see.
 */
export function queryLimitsPlugin(limits: Config['limits']): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const [tooDeep] = validate(schema, document, [depthLimitRule(limits.maxDepth)]);
          if (tooDeep) throw withStatus(tooDeep);
          const cost = queryCost(schema, document, request.variables ?? {}, operationName);
          if (cost > limits.maxCost) throw withStatus(tooCostly(cost, limits.maxCost));
        },
      };
    },
  };
}
