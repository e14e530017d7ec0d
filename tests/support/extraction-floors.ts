import { join } from 'node:path';
import { ANNOTATIONS_DIR, CORPUS_DIR, PROJECT_ROOT } from '../../src/core/paths';
import { evaluateSet, type EvalReport, type EvalSet } from '../../ingest/extract/eval-set';
import type { Extractor } from '../../ingest/extract/extractor';
import type { FactKind } from '../../ingest/extract/evaluate';

/**
 * F1 floors per class; each a little under the score reported in docs/extraction-quality.md. A class left out
 * has no floor: on the fresh split the frozen extractors score 0.00 on stances with the right target, and a
 * floor of 0 could not fail.
 */
export type Floors = Partial<Record<FactKind, number>>;

/**
 * The development splits a floor is kept on: the newest, chosen after the last freeze of the rules and the model
 * (its floors sit under the scores at that freeze), and the earlier ones as regression guards. The seeds and the
 * tune split have their own reports, not floors.
 */
export type FloorSplit = Exclude<EvalSet, 'seeds' | 'tune'>;

/** Scores an extractor on one split of the development set (ingest/devset/<split>). */
export async function scoreSplit(split: FloorSplit, extractor: Extractor): Promise<EvalReport> {
  const { report } = await evaluateSet(split, extractor, {
    corpus: CORPUS_DIR,
    annotations: ANNOTATIONS_DIR,
    devset: join(PROJECT_ROOT, 'ingest', 'devset'),
  });
  return report;
}

/** The classes whose F1 fell under its floor, with both numbers, for a readable failure. */
export function underFloors(report: EvalReport, floors: Floors): string[] {
  return (Object.entries(floors) as [FactKind, number][])
    .filter(([kind, floor]) => report.totals[kind].f1 < floor)
    .map(([kind, floor]) => `${kind}: F1 ${report.totals[kind].f1} < floor ${floor}`);
}
