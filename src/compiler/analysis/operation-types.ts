import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Rejects what HTTP does not serve here: an operation of a type the schema has no root for, and any
 * subscription (a subscription needs a connection that stays open; HTTP requests answer once). graphql-js 16
 * lets `subscription { … }` through validation when the schema has no such root and fails it in execution
 * with an error that has no code, which the service would have to report as an internal error; as a
 * validation error it is the client's, with status 400. Queries and mutations pass.
 */
export const knownOperationTypesRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(operation) {
    // Subscriptions stream over WebSocket; on HTTP graphql-js would run the root field once and return garbage.
    if (operation.operation === 'subscription') {
      context.reportError(
        new GraphQLError(
          'Subscriptions are served over WebSocket on this same path (/graphql, graphql-ws protocol), not over HTTP.',
          { nodes: [operation] },
        ),
      );
      return;
    }
    if (context.getSchema().getRootType(operation.operation)) return;
    context.reportError(
      new GraphQLError(`This API does not support ${operation.operation} operations: send a query.`, {
        nodes: [operation],
      }),
    );
  },
});
