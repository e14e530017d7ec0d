import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { classifyDatabaseError } from '../core/database-errors';
import { ErrorCode } from '../core/errors';

const DATABASE_MESSAGES = {
  unavailable: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    message: 'The graph database is unavailable; try again shortly.',
  },
  timeout: { code: ErrorCode.QUERY_TIMEOUT, message: 'The query took longer than the time allowed; try again.' },
} as const;

/**
 * Maps what escaped a resolver to what a client may see: database outages and time-outs get their own codes,
 * and without `exposeDetails` an unexpected error says only that it happened.
 */
export function formatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const failure = classifyDatabaseError(unwrapResolverError(error));
    if (failure) {
      const { code, message } = DATABASE_MESSAGES[failure];
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code, retryable: true } };
    }
    const code = formatted.extensions?.code;
    if (!exposeDetails && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR)) {
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    return formatted;
  };
}
