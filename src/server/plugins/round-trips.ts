import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../graphql/context';

/**
 * Reports how many statements the request sent to Neo4j in the response's `extensions.roundTrips`: the
 * compiled API promises one per request, and clients and tests can see it.
 */
export function roundTripsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, roundTrips: contextValue.roundTrips.count };
        },
      };
    },
  };
}
