/* The figures of an outage run (docs/operations.md), computed from what its probes saw. */

/** One answered (or abandoned) request. */
export interface Sample {
  start: number;
  end: number;
  /** HTTP status; 0 when the client gave up (its own timeout) or the connection failed. */
  status: number;
  /** True when the response had data and no error. */
  ok: boolean;
  /** The first error code of the response, or 'CLIENT_TIMEOUT' / 'NETWORK' when there was no response. */
  code: string | null;
  /** What went wrong when there was no usable response (the client's error), for the report. */
  detail?: string;
}

/** The value at quantile q (0..1) of values, by the nearest-rank method; NaN when there are none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Answer-time figures of a set of samples. */
export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max answer time of samples. */
export function latency(samples: Sample[]): Latency {
  const ms = samples.map((s) => s.end - s.start);
  return { count: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: ms.length ? Math.max(...ms) : NaN };
}

/** When the database went down and came back. */
export interface OutageTimes {
  killed: number;
  /** When its Bolt port accepted a TCP connection again. */
  boltBack: number;
  /** When a query sent straight to the database first succeeded after that (null when not asked). */
  databaseAnswers: number | null;
}

/** The figures of point 3 of the outage issue, from one run. */
export interface OutageFigures {
  /** Requests started while the database was down. */
  during: Latency & { codes: Record<string, number> };
  /** Requests started after Bolt was back. */
  after: Latency & { failed: number };
  /** From Bolt accepting to the first successful response of a request started after the kill. */
  firstSuccessMs: number;
  /** From Bolt accepting to the first answer of a query sent straight to the database (NaN if not asked). */
  databaseAnswersMs: number;
  /** From Bolt accepting to the end of the last failed request: every request ending later succeeded. */
  lastFailureMs: number;
  /** Answer times before the kill, and in the last third of the time after Bolt accepted again. */
  steady: { before: Latency; end: Latency };
  /**
   * From Bolt accepting to the end of the last request that failed or took longer than slowMs: every
   * request ending later succeeded within slowMs.
   */
  fullServiceMs: number;
  /** Longest wait for /readyz during and after the outage, and when it first said 200 after Bolt was back. */
  readiness: { maxDuringMs: number; maxAfterMs: number; firstReadyAfterMs: number; duringStatuses: number[] };
  /** Every request of the run. */
  overall: Latency;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** Computes the outage figures from the samples of a run. */
export function outageFigures(requests: Sample[], probes: Sample[], times: OutageTimes, slowMs = 1000): OutageFigures {
  const during = requests.filter((s) => s.start >= times.killed && s.start < times.boltBack);
  const after = requests.filter((s) => s.start >= times.boltBack);
  const sinceKill = requests.filter((s) => s.start >= times.killed);
  const firstSuccess = Math.min(...sinceKill.filter((s) => s.ok).map((s) => s.end));
  const degraded = sinceKill.filter((s) => !s.ok || s.end - s.start > slowMs);
  const lastFailure = Math.max(times.boltBack, ...sinceKill.filter((s) => !s.ok).map((s) => s.end));
  const runEnd = Math.max(...requests.map((s) => s.end));
  const endStart = runEnd - (runEnd - times.boltBack) / 3;
  const lastDegraded = Math.max(times.boltBack, ...degraded.map((s) => s.end));
  const probesDuring = probes.filter((s) => s.start >= times.killed && s.start < times.boltBack);
  const probesAfter = probes.filter((s) => s.start >= times.boltBack);
  const firstReady = Math.min(...probesAfter.filter((s) => s.ok).map((s) => s.end));
  return {
    during: { ...latency(during), codes: countBy(during.map((s) => s.code ?? 'OK')) },
    after: { ...latency(after), failed: after.filter((s) => !s.ok).length },
    firstSuccessMs: firstSuccess - times.boltBack,
    databaseAnswersMs: (times.databaseAnswers ?? Number.NaN) - times.boltBack,
    lastFailureMs: lastFailure - times.boltBack,
    steady: {
      before: latency(requests.filter((s) => s.end < times.killed)),
      end: latency(requests.filter((s) => s.start >= endStart)),
    },
    fullServiceMs: lastDegraded - times.boltBack,
    readiness: {
      maxDuringMs: Math.max(...probesDuring.map((s) => s.end - s.start)),
      maxAfterMs: Math.max(...probesAfter.map((s) => s.end - s.start)),
      firstReadyAfterMs: firstReady - times.boltBack,
      duringStatuses: [...new Set(probesDuring.map((s) => s.status))].sort(),
    },
    overall: latency(requests),
  };
}
