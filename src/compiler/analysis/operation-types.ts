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
    const type = operation.operation;
    if (type === 'subscription') {
      context.reportError(
        new GraphQLError('Subscriptions are not served over HTTP: send a query or a mutation.', { nodes: [operation] }),
      );
    } else if (!context.getSchema().getRootType(type)) {
      context.reportError(
        new GraphQLError(`This API does not support ${type} operations: send a query.`, { nodes: [operation] }),
      );
    }
  },
});
