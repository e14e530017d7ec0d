/**
 * A token bucket per key, in this process: each key may spend `burst` tokens at once and gets `perMinute`
 * back per minute. Kept in memory, so with N replicas a key may send up to N times the rate (docs/write-api.md).
 */

/** Whether a request may go, and if not, how many whole seconds until a token is back. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token buckets keyed by a client's name. `now` is injectable so tests need no timers. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limits: { perMinute: number; burst: number },
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limits.perMinute / 60_000;
  }

  /** Spends one token of `key` if it has one. */
  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) {
      const fresh = { tokens: this.limits.burst, updatedMs: now };
      this.buckets.set(key, fresh);
      return fresh;
    }
    const elapsed = Math.max(0, now - bucket.updatedMs);
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + elapsed * this.perMs);
    bucket.updatedMs = now;
    return bucket;
  }
}
