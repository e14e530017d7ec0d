import { performance } from 'node:perf_hooks';
import type { SoakRequest } from './soak-figures';
import type { SoakQuery } from './soak-queries';

/**
 * The soak's closed loop: `concurrency` clients, each sending its next request when the last one is
 * answered, going round the mix from a different starting query each, until stopped. Every request is
 * recorded with how it ended; a response counts as OK only with HTTP 200, data and no error.
 */

interface GraphQLBody {
  data?: unknown;
  errors?: { extensions?: { code?: string } }[];
}

async function send(url: string, body: string, timeoutMs: number): Promise<string> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: GraphQLBody | null = null;
    try {
      json = JSON.parse(text) as GraphQLBody;
    } catch {
      return `HTTP_${res.status}`;
    }
    if (json.errors?.length) return json.errors[0]?.extensions?.code ?? 'UNKNOWN';
    if (res.status !== 200 || json.data == null) return `HTTP_${res.status}`;
    return 'OK';
  } catch (err) {
    const name = (err as { name?: string }).name;
    return name === 'TimeoutError' || name === 'AbortError' ? 'CLIENT_TIMEOUT' : 'NETWORK';
  }
}

/** A running closed loop: its requests so far (times in ms since `origin`), and how to stop it. */
export interface ClosedLoop {
  requests: SoakRequest[];
  /** Asks the clients to stop and resolves once every request in flight has ended. */
  stop(): Promise<void>;
}

/** Starts the closed loop against a GraphQL endpoint. */
export function startClosedLoop(
  url: string,
  queries: SoakQuery[],
  options: { concurrency: number; clientTimeoutMs: number; origin: number },
): ClosedLoop {
  const requests: SoakRequest[] = [];
  const bodies = queries.map((q) => ({ name: q.name, body: JSON.stringify(q.request) }));
  let running = true;
  const client = async (index: number): Promise<void> => {
    for (let i = index; running; i += 1) {
      const q = bodies[i % bodies.length]!;
      const start = performance.now() - options.origin;
      const code = await send(url, q.body, options.clientTimeoutMs);
      requests.push({ query: q.name, start, end: performance.now() - options.origin, code });
    }
  };
  const clients = Promise.all(Array.from({ length: options.concurrency }, (_, i) => client(i)));
  return {
    requests,
    async stop() {
      running = false;
      await clients;
    },
  };
}
