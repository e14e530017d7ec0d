import { AnnotationCache, cacheKey } from './cache';
import { CoreNlpError } from './errors';
import { ANNOTATE_PROPERTIES, propertiesQuery } from './properties';

/** Where a CoreNLP server answers, and the basic-auth pair it wants, if any. */
export interface CoreNlpEndpoint {
  url: string;
  credentials: { user: string; password: string } | null;
}

/** Anything that turns a text into CoreNLP's JSON. */
export interface Annotator {
  annotate(text: string): Promise<unknown>;
}

export interface CoreNlpClientOptions {
  /** Bound of one request, in milliseconds. */
  timeoutMs: number;
  /** The CoreNLP version, part of every cache key. */
  version: string;
  /** Null: no cache, every call asks the server. */
  cache: AnnotationCache | null;
  properties?: Readonly<Record<string, string>>;
}

/** The Authorization header of a basic-auth pair. */
export function basicAuth(credentials: { user: string; password: string }): string {
  return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
}

/**
 * A CoreNLP HTTP client with an on-disk cache. The endpoint is asked for only on a cache miss, so a rerun whose
 * texts are all cached never starts (or reaches) a server.
 */
export class CoreNlpClient implements Annotator {
  private readonly properties: Readonly<Record<string, string>>;

  constructor(
    private readonly endpoint: () => Promise<CoreNlpEndpoint>,
    private readonly options: CoreNlpClientOptions,
  ) {
    this.properties = options.properties ?? ANNOTATE_PROPERTIES;
  }

  /** CoreNLP's JSON for text: from the cache, else from the server (and then cached). */
  async annotate(text: string): Promise<unknown> {
    const key = cacheKey(text, this.properties, this.options.version);
    const cached = await this.options.cache?.get(key);
    if (cached !== undefined) return cached;
    const parse = await this.request(text, await this.endpoint());
    await this.options.cache?.put(key, parse);
    return parse;
  }

  private async request(text: string, endpoint: CoreNlpEndpoint): Promise<unknown> {
    const url = `${endpoint.url}/?${propertiesQuery(this.properties)}`;
    const where = endpoint.url;
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    if (endpoint.credentials) headers.authorization = basicAuth(endpoint.credentials);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: text,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        throw new CoreNlpError(
          'timeout',
          where,
          `CoreNLP at ${where} did not answer within ${this.options.timeoutMs} ms (CORENLP_TIMEOUT_MS) for a text of ${text.length} characters`,
        );
      }
      throw new CoreNlpError(
        'unreachable',
        where,
        `CoreNLP at ${where} is unreachable: ${e.cause?.code ?? e.cause?.message ?? e.message}`,
      );
    }
    const body = await response.text();
    if (response.status === 401) {
      throw new CoreNlpError(
        'refused',
        where,
        `CoreNLP at ${where} refused the request (401 ${body.trim() || 'Unauthorized'}): check CORENLP_USER and CORENLP_PASSWORD`,
      );
    }
    if (!response.ok) {
      throw new CoreNlpError(
        'http',
        where,
        `CoreNLP at ${where} answered ${response.status}: ${body.trim().slice(0, 300) || '(empty body)'}`,
      );
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new CoreNlpError(
        'bad-response',
        where,
        `CoreNLP at ${where} answered 200 but not with JSON: ${body.slice(0, 120)}`,
      );
    }
  }
}
