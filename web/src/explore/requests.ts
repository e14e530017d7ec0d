import { gql, StaleReply } from './api';

/**
 * A view's requests (the stances table's, the side panel's, the graph's, the search's). A view shows the answer
 * to its latest request only: `latest` aborts whatever the view still waits for, so an earlier, slower reply can
 * never overwrite a newer one; its promise rejects with StaleReply instead, which callers drop (`isStale`).
 */
export interface RequestChannel {
  /** Starts a new request: those still pending on this channel are aborted, and their replies dropped. */
  latest<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A request that joins the latest one (an expansion of the graph being shown): stale when a newer `latest` starts. */
  join<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Aborts what is pending and starts a new generation for `join`; its signal says when that one is stale. */
  cancel(): AbortSignal;
}

/** A new channel; each view makes one and sends every request of its own through it. */
export function requestChannel(): RequestChannel {
  let controller = new AbortController();
  const send = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    gql<T>(query, variables, controller.signal);
  const cancel = () => {
    controller.abort();
    controller = new AbortController();
    return controller.signal;
  };
  return {
    latest(query, variables) {
      cancel();
      return send(query, variables);
    },
    join: send,
    cancel,
  };
}

/** True for the rejection of a request that a newer one replaced: nothing to show, no error to report. */
export function isStale(err: unknown): boolean {
  return err instanceof StaleReply;
}
