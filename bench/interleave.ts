import { median } from './measure';
import type { Runner } from './load-generation';
import { IMPLS, type Impl } from './impls';
import type { RatioSpread } from './results';

/**
 * The sequential (c=1) samples of one row, taken round-robin: every round sends one request to each
 * implementation, in an order that rotates from round to round, so that a slow minute of the shared machine
 * falls on all three alike instead of on whichever was being measured in it. The rounds are grouped in
 * repeats; the p50 of each repeat gives the spread of the p50 (and of the ratios) reported beside it.
 */

/** How many rounds, in how many repeats, after how many warm-up rounds, within what time. */
export interface SamplingPlan {
  repeats: number;
  roundsPerRepeat: number;
  warmupRounds: number;
  /** After this many ms of a repeat, it ends even if short of its rounds (very slow rows); at least minRounds. */
  repeatBudgetMs: number;
  minRounds: number;
}

/** One implementation's samples: all of them, per repeat, and the errors (the first message kept). */
export interface ImplSamples {
  samples: number[];
  byRepeat: number[][];
  errors: number;
  firstError: string | null;
}

/** The order of the implementations in round `round`: a rotation, so each one goes first as often. */
export function roundOrder(round: number): Impl[] {
  const k = round % IMPLS.length;
  return [...IMPLS.slice(k), ...IMPLS.slice(0, k)];
}

/** Takes the row's samples as the plan says; `onRepeat` is told after each repeat (progress lines). */
export async function interleavedSamples(
  runners: Record<Impl, Runner>,
  plan: SamplingPlan,
  onRepeat: (repeat: number, p50s: Record<Impl, number>) => void = () => undefined,
): Promise<Record<Impl, ImplSamples>> {
  const out = Object.fromEntries(
    IMPLS.map((i) => [i, { samples: [], byRepeat: [], errors: 0, firstError: null } as ImplSamples]),
  ) as Record<Impl, ImplSamples>;
  const once = async (impl: Impl): Promise<number | null> => {
    const t = performance.now();
    try {
      await runners[impl].once();
      return performance.now() - t;
    } catch (err) {
      out[impl].errors += 1;
      out[impl].firstError ??= (err as Error).message.slice(0, 300);
      return null;
    }
  };
  for (let round = 0; round < plan.warmupRounds; round++) for (const impl of roundOrder(round)) await once(impl);
  let round = 0;
  for (let repeat = 0; repeat < plan.repeats; repeat++) {
    const current = Object.fromEntries(IMPLS.map((i) => [i, [] as number[]])) as Record<Impl, number[]>;
    const budgetEnd = performance.now() + plan.repeatBudgetMs;
    for (let r = 0; r < plan.roundsPerRepeat && (r < plan.minRounds || performance.now() < budgetEnd); r++) {
      for (const impl of roundOrder(round)) {
        const ms = await once(impl);
        if (ms !== null) current[impl].push(ms);
      }
      round += 1;
    }
    for (const impl of IMPLS) {
      out[impl].byRepeat.push(current[impl]);
      out[impl].samples.push(...current[impl]);
    }
    onRepeat(repeat, Object.fromEntries(IMPLS.map((i) => [i, median(current[i])])) as Record<Impl, number>);
  }
  return out;
}

/**
 * The ratio of two implementations' p50s (pooled samples) and the range of the per-repeat ratios; null when
 * either has no sample (a cell with 0 successful samples has no ratio, and the report says so).
 */
export function ratioSpread(a: ImplSamples, b: ImplSamples): RatioSpread | null {
  if (a.samples.length === 0 || b.samples.length === 0) return null;
  const perRepeat = a.byRepeat.map((s, i) => median(s) / median(b.byRepeat[i] ?? [])).filter((x) => Number.isFinite(x));
  const ratio = median(a.samples) / median(b.samples);
  if (perRepeat.length === 0) return { ratio, min: ratio, max: ratio };
  return { ratio, min: Math.min(...perRepeat), max: Math.max(...perRepeat) };
}
