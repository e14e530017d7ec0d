import { composeQualityDoc } from '../../../ingest/extract/quality-doc';

const section = (set: string) => ({ intro: '# Extraction quality', set, section: `## ${set}\n\nfigures of ${set}` });

describe('the extraction quality report', () => {
  it('keeps every set section, digits in the name included, in the order of the sets', () => {
    let doc = '# Extraction quality\n';
    for (const set of ['fresh2-rules', 'seeds-rules', 'fresh-rules', 'seeds-corenlp', 'fresh2-rules']) {
      doc = composeQualityDoc(doc, section(set));
    }
    const headings = doc.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## seeds-rules', '## seeds-corenlp', '## fresh-rules', '## fresh2-rules']);
  });

  it('keeps the speed section at the end when a set is rewritten', () => {
    const doc = composeQualityDoc(composeQualityDoc('', { speed: 'fast' }), section('tune-rules'));
    expect(doc.trimEnd().endsWith('## Speed\n\nfast')).toBe(true);
    expect(doc).toContain('figures of tune-rules');
  });
});
