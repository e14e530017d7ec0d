import { interleavedSamples, ratioSpread, roundOrder, type ImplSamples } from '../../../bench/interleave';
import type { Runner } from '../../../bench/load-generation';
import type { Impl } from '../../../bench/results';

const samples = (byRepeat: number[][]): ImplSamples => ({
  samples: byRepeat.flat(),
  byRepeat,
  errors: 0,
  firstError: null,
});

describe('interleaved sampling', () => {
  it('rotates the order of the implementations from round to round', () => {
    expect([0, 1, 2, 3].map(roundOrder)).toEqual([
      ['ours', 'neo4jGraphql', 'raw'],
      ['neo4jGraphql', 'raw', 'ours'],
      ['raw', 'ours', 'neo4jGraphql'],
      ['ours', 'neo4jGraphql', 'raw'],
    ]);
  });

  it('sends one request to each side per round, in repeats, and counts the failures of a side', async () => {
    const calls: Impl[] = [];
    const runner = (impl: Impl, fail = false): Runner => ({
      once: async () => {
        calls.push(impl);
        if (fail) throw new Error(`${impl} down`);
        return 1;
      },
      answer: async () => null,
    });
    const out = await interleavedSamples(
      { ours: runner('ours'), neo4jGraphql: runner('neo4jGraphql'), raw: runner('raw', true) },
      { repeats: 2, roundsPerRepeat: 3, warmupRounds: 1, repeatBudgetMs: 60_000, minRounds: 1 },
    );
    // The warm-up round, then the measured rounds, whose rotation starts again from the first order.
    expect(calls.slice(3, 9)).toEqual(['ours', 'neo4jGraphql', 'raw', 'neo4jGraphql', 'raw', 'ours']);
    expect(out.ours.byRepeat.map((r) => r.length)).toEqual([3, 3]);
    expect(out.ours.samples).toHaveLength(6);
    expect(out.raw).toMatchObject({ samples: [], errors: 7, firstError: 'raw down' });
  });

  it('gives the pooled ratio of p50s with the range of the per-repeat ratios, and none without samples', () => {
    const a = samples([
      [2, 2, 2],
      [4, 4, 4],
    ]);
    const b = samples([
      [4, 4, 4],
      [4, 4, 4],
    ]);
    expect(ratioSpread(a, b)).toEqual({ ratio: 0.75, min: 0.5, max: 1 });
    expect(ratioSpread(a, samples([[], []]))).toBeNull();
  });
});
