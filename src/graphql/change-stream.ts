/** A subscription's stream of changes: the follower's entries that pass a filter, queued for one subscriber. */
import { GraphQLError } from 'graphql';
import type { ChangeFeed } from '../core/change-follower';
import type { Change } from '../core/change-log';
import { ErrorCode } from '../core/errors';

/** Changes one subscriber may have waiting; a client that reads slower than that is ended, not buffered for ever. */
export const MAX_QUEUED_CHANGES = 1000;

/**
 * Subscribes to the feed at once (so nothing after the call is missed) and yields the changes that pass
 * `accept`, in sequence order. Ending the iteration (return(), which graphql-ws calls when the client
 * completes or goes away) unsubscribes.
 */
export function changeStream(feed: ChangeFeed, accept: (change: Change) => boolean): AsyncIterableIterator<Change> {
  const queue: Change[] = [];
  let waiting: ((result: IteratorResult<Change>) => void) | null = null;
  let failure: GraphQLError | null = null;
  let done = false;

  const finish = (): IteratorResult<Change> => {
    done = true;
    unsubscribe();
    queue.length = 0;
    return { value: undefined, done: true };
  };
  const unsubscribe = feed.subscribe((change) => {
    if (done || !accept(change)) return;
    if (waiting) {
      const resolveNext = waiting;
      waiting = null;
      resolveNext({ value: change, done: false });
    } else if (queue.length >= MAX_QUEUED_CHANGES) {
      failure = new GraphQLError(
        `More than ${MAX_QUEUED_CHANGES} changes waited for this subscriber; subscribe again to resume from now.`,
        { extensions: { code: ErrorCode.SUBSCRIBER_TOO_SLOW } },
      );
      unsubscribe();
    } else {
      queue.push(change);
    }
  });

  return {
    next() {
      const change = queue.shift();
      if (change) return Promise.resolve({ value: change, done: false });
      if (failure) {
        const error = failure;
        finish();
        return Promise.reject(error);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolveNext) => {
        waiting = resolveNext;
      });
    },
    return() {
      const result = finish();
      if (waiting) waiting(result);
      waiting = null;
      return Promise.resolve(result);
    },
    throw(error: unknown) {
      finish();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
