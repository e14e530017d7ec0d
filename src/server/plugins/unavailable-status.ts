import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Context } from '../../graphql/context';
import { ErrorCode } from '../../core/errors';

/** Seconds a client is asked to wait (Retry-After) before trying an operation the database could not serve. */
export const RETRY_AFTER_SECONDS = 1;

/** True when every error is SERVICE_UNAVAILABLE and every root field is null with an error of its own. */
function failedWhole(result: FormattedExecutionResult): boolean {
  const errors = result.errors ?? [];
  if (errors.length === 0 || errors.some((e) => e.extensions?.code !== ErrorCode.SERVICE_UNAVAILABLE)) return false;
  return Object.entries(result.data ?? {}).every(
    ([key, value]) => value === null && errors.some((e) => e.path?.[0] === key),
  );
}

/**
 * An operation of which every root field failed because the database is unreachable did nothing: it is
 * answered with HTTP 503 and Retry-After, without `data`, so proxies, load balancers and HTTP clients see
 * the outage and may retry. For application/graphql-response+json, the GraphQL-over-HTTP spec requires a
 * 4xx or 5xx status for a response without `data` (and a 2xx one with it, hence `data` goes); for
 * application/json, Apollo already answers request errors with 4xx, and this does the same for the outage.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !failedWhole(response.body.singleResult)) return;
          const { errors, extensions } = response.body.singleResult;
          response.body.singleResult = { errors, ...(extensions ? { extensions } : {}) };
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
