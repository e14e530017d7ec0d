import { performance } from 'node:perf_hooks';

/** The outcome of the last probe: whether the database answered, when, and why not. */
export interface Verdict {
  up: boolean;
  /** performance.now() of the probe's end. */
  at: number;
  reason: string;
  /** True when the probe failed with an error (refused, closed) rather than by running out of time. */
  refused: boolean;
}

/** How often and how long the database is probed. */
export interface AvailabilityOptions {
  /** A probe that has not answered by then counts as failed (its connection is left to finish). */
  timeoutMs: number;
  /** A verdict younger than this is reused rather than probing again. */
  maxAgeMs: number;
  /** While the database is down, it is probed this often, so service resumes this soon after it answers. */
  retryMs: number;
  /** While the gate is open, a probe that runs out of time falls back on a success at most this old. */
  staleMs: number;
  /**
   * Bound of the warm-up run when the database answers again after an outage, before the gate opens (0: no
   * warm-up). A restarted server plans every statement anew on a cold JVM; many at once took seconds.
   */
  warmUpMs?: number;
}

/**
 * One step of an outage, for the log and for measuring the recovery: the gate closing, the first probe that
 * answers, each statement of the warm-up, the gate opening. `at` is epoch milliseconds (fractional), so a
 * benchmark can line it up with its own clock.
 */
export interface AvailabilityEvent {
  event: 'gate-closed' | 'probe-answered' | 'warm-up-statement' | 'gate-opened';
  at: number;
  [detail: string]: unknown;
}

/** The current time as epoch milliseconds with sub-millisecond precision. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

// Probes left running past their time-out each hold a connection; past this many, no new one is started.
const MAX_UNANSWERED = 2;

/** Raised by withDeadline when the awaited work did not settle in time. */
export class DeadlineExceeded extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/** Settles with the promise, or rejects with DeadlineExceeded after ms; the work itself is left to finish. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(what, ms)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Whether the database answers now, from one cheap probe shared by every caller and bounded in time.
 *
 * `down` is the gate of the read path: it closes when a call failed to reach the database and a probe
 * confirms it (an error, or no answer in time), so that callers fail at once instead of each waiting on the
 * driver; then the database is probed every retryMs, and any probe that succeeds, even one answering late,
 * opens it again. A probe that is merely slow while the gate is open (a loaded server) closes nothing: the
 * readiness check then reuses the last success for up to staleMs.
 */
export class Availability {
  private verdict: Verdict | null = null;
  private lastUp: Verdict | null = null;
  private inFlight: Promise<Verdict> | null = null;
  private unanswered = 0;
  private gateClosed = false;
  private retry: NodeJS.Timeout | null = null;
  private warming: Promise<void> | null = null;
  /** The last warm-up: when it ran (performance.now()), and what it returned, or why it ended without. */
  lastWarmUp: { start: number; end: number; result?: unknown; error?: string } | null = null;
  /** Told of every step of an outage and recovery (rare: nothing is emitted while the database answers). */
  onEvent: ((event: AvailabilityEvent) => void) | null = null;

  /**
   * @param warmUp run once when a probe succeeds while the gate is closed, bounded by options.warmUpMs; the
   * gate opens when it settles or runs out of time, whatever its outcome (a failed warm-up only costs time).
   */
  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly options: AvailabilityOptions,
    private readonly warmUp?: () => Promise<unknown>,
  ) {}

  /** True while reads should fail at once: a failed call was confirmed by a probe, and none has succeeded since. */
  get down(): boolean {
    return this.gateClosed;
  }

  /** True while the database answers again and is being warmed up, before the gate opens. */
  get warmingUp(): boolean {
    return this.warming !== null;
  }

  /**
   * While warming up, resolves true as soon as the gate opens, or false after ms. A read waits here instead
   * of failing at once: a closed loop of clients retrying fast 503s kept the two cores too busy for the cold
   * server to plan anything, and a read arriving near the end of the warm-up is served.
   */
  async opened(ms: number): Promise<boolean> {
    const warming = this.warming;
    if (!warming) return !this.gateClosed;
    try {
      await withDeadline(warming, ms, 'the warm-up');
    } catch {
      // Still warming: the caller fails fast with SERVICE_UNAVAILABLE, having waited its bound.
    }
    return !this.gateClosed;
  }

  /** Whether the database answers, for /readyz: a verdict at most maxAgeMs old, or a new probe; within timeoutMs. */
  async check(): Promise<Verdict> {
    const now = performance.now();
    if (this.verdict && now - this.verdict.at < this.options.maxAgeMs) return this.verdict;
    const verdict = await this.probeOnce();
    // An error (refused, closed) is an outage whether or not a read has met it yet.
    if (verdict.refused) this.closeGate();
    if (
      !verdict.up &&
      !verdict.refused &&
      !this.gateClosed &&
      this.lastUp &&
      now - this.lastUp.at < this.options.staleMs
    ) {
      return this.lastUp;
    }
    return verdict;
  }

  /** A call failed as if the database were unreachable: probe now, and close the gate unless it answers. */
  async confirm(): Promise<Verdict> {
    const verdict = await this.probeOnce();
    if (!verdict.up) this.closeGate();
    return verdict;
  }

  /** Tells onEvent of a step, stamped with the time. */
  emit(event: AvailabilityEvent['event'], detail: Record<string, unknown> = {}): void {
    this.onEvent?.({ event, at: epochNow(), ...detail });
  }

  /** Stops the retry timer. */
  close(): void {
    if (this.retry) clearInterval(this.retry);
    this.retry = null;
  }

  private closeGate(): void {
    if (!this.gateClosed) this.emit('gate-closed');
    this.gateClosed = true;
    if (!this.retry) {
      this.retry = setInterval(() => void this.probeOnce(), this.options.retryMs);
      this.retry.unref();
    }
  }

  private probeOnce(): Promise<Verdict> {
    this.inFlight ??= this.runProbe().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async runProbe(): Promise<Verdict> {
    if (this.unanswered >= MAX_UNANSWERED) return this.record(false, 'earlier probes are still unanswered', false);
    const attempt = this.probe();
    try {
      await withDeadline(attempt, this.options.timeoutMs, 'the database');
      return this.record(true, 'answered', false);
    } catch (err) {
      if (!(err instanceof DeadlineExceeded)) return this.record(false, (err as Error).message, true);
      this.unanswered += 1;
      attempt.then(
        () => {
          this.unanswered -= 1;
          this.record(true, 'answered late', false);
        },
        () => {
          this.unanswered -= 1;
        },
      );
      return this.record(false, err.message, false);
    }
  }

  private record(up: boolean, reason: string, refused: boolean): Verdict {
    if (up && this.gateClosed && this.warmUp && (this.options.warmUpMs ?? 0) > 0) return this.reopenWarm();
    this.verdict = { up, at: performance.now(), reason, refused };
    if (up) {
      if (this.gateClosed) this.emit('gate-opened', { warmedUp: false });
      this.lastUp = this.verdict;
      this.gateClosed = false;
      this.close();
    }
    return this.verdict;
  }

  /**
   * The database answers again: warm it up (once, however many probes succeed meanwhile), then open the
   * gate. Until then reads keep failing fast and the verdict says not up, so /readyz stays 503 rather than
   * sending a load balancer's traffic to a server that would take seconds over its first queries.
   */
  private reopenWarm(): Verdict {
    const warmUpMs = this.options.warmUpMs ?? 0;
    this.close();
    if (!this.warming) this.emit('probe-answered', { warmUpMs });
    this.warming ??= this.warmThenOpen(warmUpMs).finally(() => {
      this.warming = null;
    });
    this.verdict = {
      up: false,
      at: performance.now(),
      reason: `answered; warming up for at most ${warmUpMs} ms before admitting reads`,
      refused: false,
    };
    return this.verdict;
  }

  private async warmThenOpen(warmUpMs: number): Promise<void> {
    const start = performance.now();
    try {
      const result = await withDeadline(Promise.resolve().then(this.warmUp!), warmUpMs, 'the warm-up');
      this.lastWarmUp = { start, end: performance.now(), result };
    } catch (err) {
      this.lastWarmUp = { start, end: performance.now(), error: (err as Error).message };
    }
    this.gateClosed = false;
    const { result, error } = this.lastWarmUp;
    this.emit('gate-opened', { warmedUp: true, warmUpMs: Math.round(performance.now() - start), result, error });
    this.verdict = { up: true, at: performance.now(), reason: 'answered and warmed up', refused: false };
    this.lastUp = this.verdict;
  }
}
