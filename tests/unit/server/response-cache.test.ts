import { loadConfig } from '../../../src/core/config';
import { cacheSession, policyRestriction, ResponseCacheStore } from '../../../src/server/response-cache';

describe('policyRestriction: what the service imposes on the schema hints', () => {
  it('makes mutations and subscriptions uncacheable whatever their fields say', () => {
    for (const readAccess of ['public', 'key'] as const) {
      expect(policyRestriction('mutation', readAccess)).toEqual({ maxAge: 0 });
      expect(policyRestriction('subscription', readAccess)).toEqual({ maxAge: 0 });
    }
  });

  it('leaves public reads to the hints, and makes reads PRIVATE when they need a key', () => {
    expect(policyRestriction('query', 'public')).toBeNull();
    expect(policyRestriction('query', 'key')).toEqual({ scope: 'PRIVATE' });
  });
});

describe('cacheSession: whose PRIVATE answers an entry holds', () => {
  it('is the key name for a caller with a key, and none for anyone else', () => {
    expect(cacheSession({ kind: 'key', name: 'analyst-a', role: 'reader' })).toBe('key:analyst-a');
    expect(cacheSession({ kind: 'key', name: 'analyst-b', role: 'reader' })).not.toBe(
      cacheSession({ kind: 'key', name: 'analyst-a', role: 'reader' }),
    );
    expect(cacheSession({ kind: 'anonymous' })).toBeNull();
    expect(cacheSession({ kind: 'refused', problem: 'unknown key' })).toBeNull();
  });
});

describe('ResponseCacheStore', () => {
  it('drops every entry on invalidate and moves to a new generation', async () => {
    const store = new ResponseCacheStore(1024);
    await store.cache.set('a', 'answer');
    const before = store.generation;
    store.invalidate();
    expect(await store.cache.get('a')).toBeUndefined();
    expect(store.generation).not.toBe(before);
    expect(store.invalidations).toBe(1);
  });

  it('is bounded: past its size the least recently used answers go', async () => {
    const store = new ResponseCacheStore(100);
    await store.cache.set('old', 'x'.repeat(60));
    await store.cache.set('new', 'y'.repeat(60));
    expect(await store.cache.get('old')).toBeUndefined();
    expect(await store.cache.get('new')).toBe('y'.repeat(60));
  });
});

describe('cache configuration', () => {
  it('defaults to APQ and the response cache on, bounded, with reads cacheable for 10 s', () => {
    expect(loadConfig({}).cache).toEqual({
      persistedQueriesBytes: 8 * 1024 * 1024,
      maxAgeSeconds: 10,
      responseCacheBytes: 32 * 1024 * 1024,
    });
  });

  it('turns each off on its own', () => {
    expect(loadConfig({ PERSISTED_QUERIES: 'false' }).cache.persistedQueriesBytes).toBeNull();
    expect(loadConfig({ RESPONSE_CACHE: 'false', CACHE_MAX_AGE_SECONDS: '0' }).cache).toMatchObject({
      maxAgeSeconds: 0,
      responseCacheBytes: null,
    });
  });

  it('refuses sizes and ages out of bounds, naming the variable', () => {
    expect(() => loadConfig({ RESPONSE_CACHE_MB: '0' })).toThrow(/RESPONSE_CACHE_MB/);
    expect(() => loadConfig({ RESPONSE_CACHE_MB: '5000' })).toThrow(/RESPONSE_CACHE_MB must be at most 4096/);
    expect(() => loadConfig({ PERSISTED_QUERIES_CACHE_MB: '-1' })).toThrow(/PERSISTED_QUERIES_CACHE_MB/);
    expect(() => loadConfig({ CACHE_MAX_AGE_SECONDS: '-5' })).toThrow(/CACHE_MAX_AGE_SECONDS must be 0/);
    expect(() => loadConfig({ PERSISTED_QUERIES: 'maybe' })).toThrow(/PERSISTED_QUERIES/);
  });

  it('refuses a response cache that could hold nothing (CACHE_MAX_AGE_SECONDS=0)', () => {
    expect(() => loadConfig({ CACHE_MAX_AGE_SECONDS: '0' })).toThrow(
      'Invalid configuration: RESPONSE_CACHE is true, but CACHE_MAX_AGE_SECONDS is 0: no read could be cached',
    );
  });
});
