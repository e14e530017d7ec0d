import {
  counterDeltas,
  intervals,
  parsePrometheus,
  percentiles,
  rssTrendMbPerMin,
  slope,
  type SoakRequest,
  verdicts,
} from '../../../bench/soak-figures';

const req = (start: number, ms: number, code = 'OK'): SoakRequest => ({ query: 'q', start, end: start + ms, code });

describe('soak figures', () => {
  it('takes nearest-rank percentiles of the answer times', () => {
    const requests = Array.from({ length: 100 }, (_, i) => req(0, i + 1));
    expect(percentiles(requests)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([]).p99).toBeNaN();
  });

  it('puts each request in the interval it ended in, with its errors and the memory read in it', () => {
    const series = intervals(
      [req(100, 50), req(4000, 2000, 'QUERY_TIMEOUT'), req(6000, 10)],
      [
        { at: 5000, apiRssMb: 100, apiHeapMb: 40, neo4jRssMb: null },
        { at: 10000, apiRssMb: 110, apiHeapMb: 41, neo4jRssMb: null },
      ],
      5000,
      10000,
    );
    expect(series.map((s) => [s.endS, s.count, s.errors, s.memory?.apiRssMb])).toEqual([
      [5, 1, {}, 100],
      [10, 2, { QUERY_TIMEOUT: 1 }, 110],
    ]);
    expect(series[1]!.rps).toBeCloseTo(0.4);
  });

  it('fits a least-squares slope, and the RSS trend over the second half only, in MB per minute', () => {
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 1 }])).toBeNaN();
    // Warm-up growth in the first half, then flat: no trend.
    const memory = Array.from({ length: 21 }, (_, i) => ({
      at: i * 30_000,
      apiRssMb: i < 10 ? 100 + i * 10 : 200,
      apiHeapMb: null,
      neo4jRssMb: null,
    }));
    expect(rssTrendMbPerMin(memory, 600_000)).toBeCloseTo(0);
    const growing = memory.map((m) => ({ ...m, apiRssMb: 100 + (m.at / 60_000) * 3 }));
    expect(rssTrendMbPerMin(growing, 600_000)).toBeCloseTo(3);
  });

  it('reads the Prometheus text format and the counters that moved', () => {
    const before = parsePrometheus(
      '# HELP graphql_requests_total x\n# TYPE graphql_requests_total counter\ngraphql_requests_total{operation="entity",code="OK"} 2\n',
    );
    const after = parsePrometheus(
      'graphql_requests_total{operation="entity",code="OK"} 12\ngraphql_requests_total{operation="search",code="QUERY_TIMEOUT"} 1\nnodejs_heap_size_used_bytes 1048576\n',
    );
    expect(after.get('nodejs_heap_size_used_bytes')).toBe(1048576);
    expect(counterDeltas(before, after, ['graphql_requests_total']).map((d) => [d.sample, d.delta])).toEqual([
      ['graphql_requests_total{operation="entity",code="OK"}', 10],
      ['graphql_requests_total{operation="search",code="QUERY_TIMEOUT"}', 1],
    ]);
  });

  it('judges a run against the goal', () => {
    const good = verdicts({ count: 1000, p50: 20, p95: 100, p99: 300, max: 1500 }, 0, 0.2);
    expect(good.every((v) => v.met)).toBe(true);
    const bad = verdicts({ count: 1000, p50: 20, p95: 100, p99: 900, max: 11600 }, 29, 4);
    expect(bad.map((v) => v.met)).toEqual([false, false, false, false]);
    expect(bad[3]!.measured).toBe('4.00 MB/min');
  });
});
