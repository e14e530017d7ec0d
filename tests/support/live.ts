import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { generateArticles } from '../../bench/generate';
import type { PreparedArticle } from '../../ingest/prepare-input';

/** One small synthetic article (bench/generate.ts) under its own id, so tests can write many distinct ones. */
export function articleNamed(id: string, seed: number): PreparedArticle {
  const [article] = [...generateArticles({ facts: 12, factsPerArticle: 12, seed })];
  const file = `${id}.txt`;
  return {
    doc: { ...article!.doc, file, path: `/synthetic/${file}` },
    annotation: { ...article!.annotation, article: { ...article!.annotation.article, id, file } },
  };
}

/** The same article with another title: written again, it is an update. */
export function retitled(article: PreparedArticle, title: string): PreparedArticle {
  return { ...article, annotation: { ...article.annotation, article: { ...article.annotation.article, title } } };
}

/** A graphql-ws client of an app (http://host:port), with the ws package as its WebSocket. */
export function wsClient(url: string, options: { lazy?: boolean } = {}): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: options.lazy ?? true,
    retryAttempts: 0,
  });
}

/** What one subscription received so far, and a way to wait for the next results or its error. */
export interface Received<T> {
  results: T[];
  errors: unknown[];
  /** Resolves once `count` results have arrived (rejects after timeoutMs, naming what did arrive). */
  until(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves with the first result that `match` accepts, already arrived or next (rejects after timeoutMs). */
  first(match: (result: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves with the subscription's error (rejects after timeoutMs). */
  failure(timeoutMs?: number): Promise<unknown>;
  stop(): void;
}

/** Subscribes and records every `next` payload's data. */
export function subscribe<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Received<T> {
  const results: T[] = [];
  const errors: unknown[] = [];
  const wake = new Set<() => void>();
  const notify = () => wake.forEach((f) => f());
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        else results.push(value.data as T);
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => undefined,
    },
  );
  const wait = (done: () => boolean, what: () => string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        wake.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        wake.delete(check);
        reject(new Error(what()));
      }, timeoutMs);
      wake.add(check);
      check();
    });
  return {
    results,
    errors,
    async until(count, timeoutMs = 15_000) {
      await wait(
        () => results.length >= count,
        () => `waited for ${count} results, got ${JSON.stringify(results)} and errors ${JSON.stringify(errors)}`,
        timeoutMs,
      );
      return results.slice(0, count);
    },
    async first(match, timeoutMs = 15_000) {
      await wait(
        () => results.some(match),
        () => `waited for a matching result, got ${JSON.stringify(results)} and errors ${JSON.stringify(errors)}`,
        timeoutMs,
      );
      return results.find(match)!;
    },
    async failure(timeoutMs = 15_000) {
      await wait(
        () => errors.length > 0,
        () => `waited for an error, got ${JSON.stringify(results)}`,
        timeoutMs,
      );
      return errors[0];
    },
    stop,
  };
}

/** A TCP proxy to a Neo4j whose link can be cut and restored: an outage as the service sees it. */
export class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly targetPort: number,
    readonly port: number,
  ) {}

  /** Accepts connections and pipes them to the target. */
  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection({ host: '127.0.0.1', port: this.targetPort });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** Stops accepting and drops every open connection: connections are refused until open() again. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
