import { TokenBuckets } from '../../../src/server/token-bucket';

/** A clock the test moves by hand. */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('TokenBuckets', () => {
  it('lets a key spend its burst at once, then refuses with the seconds until the next token', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 6, burst: 3 }, time.now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    // Six a minute: one token every 10 s.
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    time.advance(4_000);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
  });

  it('refills at the configured rate, never above the burst', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 }, time.now);
    buckets.take('a');
    buckets.take('a');
    time.advance(1_000);
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a').ok).toBe(false);
    time.advance(60 * 60_000);
    expect([buckets.take('a').ok, buckets.take('a').ok, buckets.take('a').ok]).toEqual([true, true, false]);
  });

  it('keeps one bucket per key: one key spending its tokens leaves the others theirs', () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1 }, clock().now);
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(buckets.take('b')).toEqual({ ok: true });
  });

  it('never answers a retry of less than one second', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 600, burst: 1 }, time.now);
    buckets.take('a');
    time.advance(99);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
