import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Rejects an operation of a type the schema has no root for (this API has queries only). graphql-js 16 lets
 * `mutation { … }` through validation and fails it in execution with an error that has no code, which the
 * service would have to report as an internal error; as a validation error it is the client's, with status 400.
 */
export const knownOperationTypesRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(operation) {
    if (context.getSchema().getRootType(operation.operation)) return;
    context.reportError(
      new GraphQLError(`This API does not support ${operation.operation} operations; it is read-only: send a query.`, {
        nodes: [operation],
      }),
    );
  },
});
