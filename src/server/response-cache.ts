/** The response cache of reads (docs/caching.md): bounded, keyed by caller when private, dropped on any change. */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Caller } from '../core/api-keys';
import type { ReadAccess } from '../core/config';
import type { Context } from '../graphql/context';

type Operation = 'query' | 'mutation' | 'subscription';

/** A cache hint as Apollo's CachePolicy takes it (the type lives in a package the service does not import). */
export type CacheHint = Parameters<GraphQLRequestContext<BaseContext>['overallCachePolicy']['restrict']>[0];

/**
 * What the service imposes on an operation's cache policy, beyond the schema's hints: a mutation or a
 * subscription is never cacheable (whatever its fields say), and with READ_ACCESS=key a read is PRIVATE, so
 * neither a shared HTTP cache nor the response cache hands one key's answer to another client.
 */
export function policyRestriction(operation: Operation, readAccess: ReadAccess): CacheHint | null {
  if (operation !== 'query') return { maxAge: 0 };
  return readAccess === 'key' ? { scope: 'PRIVATE' } : null;
}

/**
 * The session of a caller in the response cache: its key's name (names are unique across API_KEYS and
 * API_KEYS_FILE), or null for an anonymous caller, whose PRIVATE answers are then never stored. A refused key
 * never gets this far (access control fails the operation first), and has no session either.
 */
export function cacheSession(caller: Caller): string | null {
  return caller.kind === 'key' ? `key:${caller.name}` : null;
}

/** Restricts each operation's cache policy by policyRestriction, once its fields have given their hints. */
export function cachePolicyPlugin(readAccess: ReadAccess): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        // After execution, not before: Apollo's cacheControl plugin skips the field hints of an operation whose
        // policy is already restricted when execution starts (that is how a response cache hit keeps its own).
        async executionDidStart({ operation, overallCachePolicy }) {
          return {
            async executionDidEnd() {
              // No operation (an unknown operationName) fails in execution: nothing to cache either way.
              const restriction = operation ? policyRestriction(operation.operation, readAccess) : { maxAge: 0 };
              if (restriction) overallCachePolicy.restrict(restriction);
            },
          };
        },
      };
    },
  };
}

/**
 * The store behind the response cache: an LRU bounded by size (the strings' lengths, about their bytes) and a
 * generation that is part of every key. invalidate() clears the store and moves to the next generation, so an
 * answer computed before a change but stored after it (Apollo stores in the background, after the response)
 * lands under a key no later read looks up.
 */
export class ResponseCacheStore {
  readonly cache: InMemoryLRUCache<string>;
  private current = 0;
  private dropped = 0;

  /** onInvalidate is told of each drop (the metrics count them). */
  constructor(
    maxBytes: number,
    private readonly onInvalidate: () => void = () => undefined,
  ) {
    this.cache = new InMemoryLRUCache<string>({ maxSize: maxBytes });
  }

  /** The generation a read's answer is looked up and stored under. */
  get generation(): number {
    return this.current;
  }

  /** How many times the whole cache was dropped since the start. */
  get invalidations(): number {
    return this.dropped;
  }

  /** Drops every answer: the graph changed. */
  invalidate(): void {
    this.current += 1;
    this.dropped += 1;
    this.cache.clear();
    this.onInvalidate();
  }
}

/** The request's caller, whatever the context type the plugin is typed with. */
function callerOf(requestContext: GraphQLRequestContext<BaseContext>): Caller {
  return (requestContext.contextValue as Context).caller;
}

/**
 * Apollo's response cache over the store: a read's answer is stored when its policy is cacheable (maxAge > 0,
 * no errors), under the query text, operation name, variables, the store's generation and, for PRIVATE
 * answers, the caller's session. Mutations are never read from or stored (the plugin only caches queries).
 */
export function responseCachePlugin(store: ResponseCacheStore): ApolloServerPlugin<Context> {
  const plugin = ApolloServerPluginResponseCache({
    cache: store.cache,
    sessionId: async (requestContext) => cacheSession(callerOf(requestContext)),
    extraCacheKeyData: async () => ({ generation: store.generation }),
  });
  return plugin as ApolloServerPlugin<Context>;
}

/** Drops the response cache after a mutation of this replica, so its own writer reads its write at once. */
export function invalidateOnMutationPlugin(store: ResponseCacheStore): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        // Once it ran: a mutation refused before execution (no key, rate limit) must not let anyone empty the
        // cache. Even a failed one may have written part of its work; dropping too often only costs reads.
        async executionDidStart({ operation }) {
          if (operation?.operation !== 'mutation') return;
          return {
            async executionDidEnd() {
              store.invalidate();
            },
          };
        },
      };
    },
  };
}
