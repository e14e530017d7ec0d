import { join } from 'node:path';
import type { Annotation } from '../../../ingest/annotation/format';
import { curatedGazetteer } from '../../../ingest/gazetteer-source';
import { dryRunPaths } from '../../../ingest/pipeline';
import { CORPUS_DIR, PROJECT_ROOT } from '../../../src/core/paths';
import { silentProgress } from '../../../src/core/progress';

const NEW_ARTICLE = join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'new-article.txt');

/** A dry run with no database at all, counting how often it asks for the gazetteer. */
async function dryRun(paths: string[]): Promise<{ printed: Annotation[]; statuses: string[]; asked: number }> {
  const printed: Annotation[] = [];
  let asked = 0;
  const summary = await dryRunPaths(paths, {
    progress: silentProgress,
    dryRun: (annotation) => printed.push(annotation),
    gazetteer: () => {
      asked++;
      return curatedGazetteer();
    },
  });
  return { printed, statuses: summary.outcomes.map((o) => o.status), asked };
}

describe('dryRunPaths: a dry run without a database', () => {
  it('checks the curated corpus without asking for a gazetteer', async () => {
    const { printed, statuses, asked } = await dryRun([]);
    expect(statuses).toEqual(['checked', 'checked', 'checked', 'checked', 'checked']);
    expect(printed.map((a) => a.origin)).toEqual(['curated', 'curated', 'curated', 'curated', 'curated']);
    expect(asked).toBe(0);
  });

  it('extracts a raw article against the curated annotations, asking for them once', async () => {
    const { printed, statuses, asked } = await dryRun([NEW_ARTICLE]);
    expect(statuses).toEqual(['checked']);
    expect(asked).toBe(1);
    const ids = printed[0]?.entities.map((e) => e.id) ?? [];
    expect(printed[0]?.origin).toBe('extracted');
    // "ICE" resolves to the curated entity, not to a new one named after the acronym's expansion.
    expect(ids).toEqual(expect.arrayContaining(['ice', 'jeff-sessions', 'philadelphia']));
    expect(ids).not.toContain('us-immigration-and-customs-enforcement');
  });

  it('reports a bad input as failed and goes on', async () => {
    const { statuses } = await dryRun([
      join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'no-text.html'),
      CORPUS_DIR,
    ]);
    expect(statuses[0]).toBe('failed');
    expect(statuses.slice(1)).toEqual(['checked', 'checked', 'checked', 'checked', 'checked']);
  });
});
