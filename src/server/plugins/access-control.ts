import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { type Caller, hasRole } from '../../core/api-keys';
import type { ReadAccess } from '../../core/config';
import { ErrorCode } from '../../core/errors';
import type { Context } from '../../graphql/context';
import type { TokenBuckets } from '../token-bucket';

const REALM = 'Bearer realm="sanctuary-graph"';

/** A whole-operation refusal with its HTTP status and headers (Apollo sets both from extensions.http). */
function refusal(code: string, message: string, status: number, headers: [string, string][]): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, headers: new Map(headers) } } });
}

function unauthenticated(message: string, invalidToken: boolean): GraphQLError {
  const challenge = invalidToken ? `${REALM}, error="invalid_token"` : REALM;
  return refusal(ErrorCode.UNAUTHENTICATED, message, 401, [['www-authenticate', challenge]]);
}

/** The refusal of an operation of this caller, or null when it may go on. */
function refusalFor(
  operation: 'query' | 'mutation' | 'subscription',
  caller: Caller,
  options: { readAccess: ReadAccess; buckets: TokenBuckets },
): GraphQLError | null {
  if (caller.kind === 'refused') return unauthenticated(caller.problem, true);
  if (operation !== 'mutation') {
    if (options.readAccess === 'key' && !hasRole(caller, 'reader'))
      return unauthenticated('Reads need an API key: send it as "Authorization: Bearer <key>".', false);
    return null;
  }
  if (caller.kind === 'anonymous')
    return unauthenticated('A mutation needs a writer API key: send it as "Authorization: Bearer <key>".', false);
  if (!hasRole(caller, 'writer'))
    return refusal(
      ErrorCode.FORBIDDEN,
      `The key "${caller.name}" is a ${caller.role} key: mutations need a writer key.`,
      403,
      [],
    );
  const taken = options.buckets.take(caller.name);
  if (!taken.ok) {
    const error = refusal(
      ErrorCode.RATE_LIMITED,
      `The key "${caller.name}" sent more mutations than its rate allows; retry in ${taken.retryAfterSeconds} s.`,
      429,
      [['retry-after', String(taken.retryAfterSeconds)]],
    );
    error.extensions.retryAfterSeconds = taken.retryAfterSeconds;
    return error;
  }
  return null;
}

/**
 * Who may run an operation, decided once it is parsed, validated and resolved, before anything runs: a
 * mutation needs a writer key (UNAUTHENTICATED 401 without one, FORBIDDEN 403 with a reader key) and a token
 * of the key's bucket (RATE_LIMITED 429 with Retry-After); a query needs a key only with READ_ACCESS=key.
 * A key that is presented but refused fails every operation, so a client with a wrong key finds out at once.
 */
export function accessControlPlugin(options: {
  readAccess: ReadAccess;
  buckets: TokenBuckets;
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const refused = refusalFor(operation?.operation ?? 'query', contextValue.caller, options);
          if (refused) throw refused;
        },
      };
    },
  };
}
