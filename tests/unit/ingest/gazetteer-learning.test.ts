import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation } from '../../../ingest/annotation/format';
import { dryRunPaths } from '../../../ingest/pipeline';
import { silentProgress } from '../../../src/core/progress';

/** Two raw articles of one run: the second names only the surname of a person the first one introduced. */
describe('the gazetteer learns within an ingest run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gazetteer-learning-'));
    await writeFile(
      join(dir, 'a-first.txt'),
      'Denver will sue\n\nMayor Orla Vantongeren of Denver said the city would sue.\n',
    );
    await writeFile(join(dir, 'b-second.txt'), 'The suit goes ahead\n\nVantongeren said the lawsuit would go ahead.\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('resolves a later file to an entity an earlier file of the same run created', async () => {
    const printed: Annotation[] = [];
    await dryRunPaths([join(dir, 'a-first.txt'), join(dir, 'b-second.txt')], {
      progress: silentProgress,
      dryRun: (annotation) => printed.push(annotation),
      gazetteer: () => Promise.resolve({ entities: [], events: [] }),
    });
    const [first, second] = printed.map((a) => a.entities.filter((e) => e.kind === 'person').map((e) => e.id));
    expect(first).toEqual(['orla-vantongeren']);
    expect(second).toEqual(['orla-vantongeren']);
  });
});
