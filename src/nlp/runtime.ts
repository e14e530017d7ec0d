import type { CoreNlpConfig } from '../core/config';
import type { Progress } from '../core/progress';
import { AnnotationCache } from './cache';
import { CoreNlpClient, type CoreNlpEndpoint } from './client';
import { type LocalCoreNlp, startLocalCoreNlp } from './local-server';

/** A CoreNLP client, and the local server behind it once one was needed. */
export interface CoreNlpRuntime {
  client: CoreNlpClient;
  /** The local server when this runtime started one (null until a cache miss needed it, or with CORENLP_URL). */
  local(): LocalCoreNlp | null;
  /** Stops the local server if this runtime started one. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * A CoreNLP client for config: CORENLP_URL when set (nothing is started), else a local server, started on the
 * first annotation the cache does not hold and stopped by close(). `cache: false` bypasses the on-disk cache.
 */
export function openCoreNlp(
  config: CoreNlpConfig,
  progress: Progress,
  options: { cache?: boolean } = {},
): CoreNlpRuntime {
  let local: LocalCoreNlp | null = null;
  let starting: Promise<CoreNlpEndpoint> | null = null;
  let closed = false;
  const endpoint = (): Promise<CoreNlpEndpoint> => {
    if (config.url) return Promise.resolve({ url: config.url, credentials: config.credentials });
    if (closed) return Promise.reject(new Error('CoreNLP runtime is closed'));
    starting ??= startLocalCoreNlp(config, progress).then((server) => {
      local = server;
      return server;
    });
    return starting;
  };
  const cache = options.cache === false ? null : new AnnotationCache(config.cacheDir);
  const client = new CoreNlpClient(endpoint, { timeoutMs: config.timeoutMs, version: config.version, cache });
  return {
    client,
    local: () => local,
    close: async () => {
      closed = true;
      // A start still under way is waited for, so its server is stopped too.
      await starting?.catch(() => undefined);
      await local?.stop();
    },
  };
}
