import { GraphQLError, type GraphQLFormattedError } from 'graphql';
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

// Apollo's code for a request it cannot run as sent.
const BAD_REQUEST = 'BAD_REQUEST';

/**
 * Whether Apollo refused the request itself with a 4xx status but no code: a persisted query's text that does
 * not match its hash, an unknown persisted query version. The client's mistake, and the message says which.
 */
function clientStatus(error: unknown): boolean {
  const status = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : 0;
  return status !== undefined && status >= 400 && status < 500;
}

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
    if (clientStatus(error) && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: BAD_REQUEST } };
    }
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
