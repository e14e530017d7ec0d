import { join } from 'node:path';
import { ANNOTATIONS_DIR, CORPUS_DIR, PROJECT_ROOT } from '../../src/core/paths';
import { evaluateSet, type EvalReport } from '../../ingest/extract/eval-set';
import type { Extractor } from '../../ingest/extract/extractor';
import type { FactKind } from '../../ingest/extract/evaluate';

/** F1 floors per class; each a little under the score reported in docs/extraction-quality.md. */
export type Floors = Record<FactKind, number>;

/** Scores an extractor on the never-tuned split of the development set (ingest/devset/test). */
export async function scoreTestSplit(extractor: Extractor): Promise<EvalReport> {
  const { report } = await evaluateSet('test', extractor, {
    corpus: CORPUS_DIR,
    annotations: ANNOTATIONS_DIR,
    devset: join(PROJECT_ROOT, 'ingest', 'devset'),
  });
  return report;
}

/** The classes whose F1 fell under its floor, with both numbers, for a readable failure. */
export function underFloors(report: EvalReport, floors: Floors): string[] {
  return (Object.keys(floors) as FactKind[])
    .filter((kind) => report.totals[kind].f1 < floors[kind])
    .map((kind) => `${kind}: F1 ${report.totals[kind].f1} < floor ${floors[kind]}`);
}
