import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../../graphql/context';
import type { Metrics } from '../metrics';

const MAX_LABEL_LENGTH = 80;

/** Label of a request whose operation never resolved: unparsable, invalid, or naming no operation of the document. */
export const UNRESOLVED_OPERATION = '(unresolved)';

/** Root field names of a selection set, through inline fragments and fragment spreads. */
function rootFields(selections: SelectionSetNode, document: DocumentNode, into: Set<string>): Set<string> {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) into.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, into);
    else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, into);
    }
  }
  return into;
}

/**
 * The operation label of a validated request: its name when named, else the sorted root fields (names from
 * the schema, since the document passed validation), truncated. Never the query text.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined, document?: DocumentNode): string {
  if (!operation || !document) return UNRESOLVED_OPERATION;
  const label = operation.name
    ? operation.name.value
    : `${operation.operation}:${[...rootFields(operation.selectionSet, document, new Set())].sort().join(',')}`;
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label;
}

/** The code a client sees first: the first error's extensions.code after formatError, or OK. */
function outcomeCode(context: GraphQLRequestContextWillSendResponse<Context>): string {
  const body = context.response.body;
  const sent = body.kind === 'single' ? body.singleResult.errors : undefined;
  const first = sent?.[0] ?? context.errors?.[0];
  if (!first) return 'OK';
  const code = first.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Records every GraphQL request: count by operation and code, latency and database round trips by operation. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const stop = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse(context) {
          // Only a resolved operation has schema-checked root fields; a name alone is the client's free text.
          const resolved = context.operation ? operationLabel(context.operation, context.document) : undefined;
          const operation = resolved ? metrics.operationLabel.of(resolved) : UNRESOLVED_OPERATION;
          stop({ operation });
          metrics.graphqlRequests.inc({ operation, code: metrics.codeLabel.of(outcomeCode(context)) });
          metrics.graphqlRoundTrips.observe({ operation }, context.contextValue.roundTrips.count);
          // Set by the response cache plugin once it looked the query up (undefined when the cache is off).
          const hit = context.metrics.responseCacheHit;
          if (context.operation?.operation === 'query' && hit !== undefined)
            metrics.responseCacheReads.inc({ result: hit ? 'hit' : 'miss' });
        },
      };
    },
  };
}
