import type { AnnotationInput } from '../../../../ingest/annotation/format';
import { targetCandidates } from '../../../../ingest/extract/model/stance-features';
import { viewArticle, withCollectives } from '../../../../ingest/extract/model/stance-model';

const TEXT =
  'Sanctuary cities face a new federal push. The Justice Department sent letters to officials. ' +
  'Its lawyers met them twice. The talks went on for weeks. ' +
  'Mayor Ana Ruiz of Corlen said the city would sue over the grant conditions.';

const ANNOTATION: AnnotationInput = {
  article: { file: 'test.txt', title: 'Corlen and the grant conditions' },
  entities: [
    { id: 'department-of-justice', kind: 'agency', name: 'Department of Justice', aliases: ['Justice Department'] },
    { id: 'ana-ruiz', kind: 'person', name: 'Ana Ruiz', aliases: [] },
    { id: 'corlen', kind: 'jurisdiction', name: 'Corlen', aliases: [] },
    { id: 'grant-conditions', kind: 'program', type: 'policy', name: 'grant conditions', aliases: [] },
  ],
};

describe('targetCandidates: what a stance could be about', () => {
  const { annotation } = withCollectives(TEXT, ANNOTATION);
  const view = viewArticle(TEXT, annotation);
  const last = view.view.sentences.length - 1;
  const candidates = targetCandidates(view, last, 'ana-ruiz', 'OPPOSED');
  const byId = new Map(candidates.map((c) => [c.target, c]));

  it('offers the debate’s collective jurisdictions even when the article names them sentences away', () => {
    expect(byId.has('sanctuary-jurisdictions')).toBe(true);
  });

  it('leaves out a body named sentences away, which a stance here is not about', () => {
    expect(byId.has('department-of-justice')).toBe(false);
  });

  it('marks what the stance’s sentence speaks of against each target’s kind, and the article’s most named program', () => {
    const features = byId.get('grant-conditions')?.features ?? [];
    expect(features).toEqual(
      expect.arrayContaining(['cue:suit:entity:program:policy', 'cue:grant:entity:program:policy']),
    );
    expect(features).not.toContain('cue:letter:entity:program:policy');
    expect(features).toContain('top:program');
  });
});
