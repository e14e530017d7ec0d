/**
 * Entity precision: generic phrases that name no program are no entities, while the described programs
 * the annotation guide counts stay (synthetic text, invented names).
 */
import type { AnnotationInput } from '../../../ingest/annotation/format';
import type { Gazetteer } from '../../../ingest/extract';
import { extractAnnotation } from '../../../ingest/extract';
import { articleOf } from './support';

const empty: Gazetteer = { entities: [], events: [] };
const programs = (a: AnnotationInput): string[] =>
  (a.entities ?? []).filter((e) => e.kind === 'program').map((e) => e.name.toLowerCase());

describe('generic programs', () => {
  it('takes bare "federal grants" for no program, but keeps described federal grants', () => {
    const text = [
      'Mayor Tom Ridley said Springfield would not give up its policy.',
      'The administration threatened to withhold federal grants from the city.',
      'Ridley said the city would sue over federal criminal-justice grants.',
    ].join('\n');
    const found = programs(extractAnnotation(articleOf(text), empty));
    expect(found).not.toContain('federal grants');
    expect(found.some((n) => n.includes('criminal-justice grant'))).toBe(true);
  });
});

describe('acronyms that name no body', () => {
  it("takes broadcasters' call letters and two-letter acronyms for no organization, but keeps longer ones", () => {
    const text = [
      'Mayor Tom Ridley told WKRX on Monday that Springfield would keep its policy.',
      'The QX report was cited by the MFLU, a union of county workers.',
      'The MFLU said it would back the city.',
    ].join('\n');
    const found = (extractAnnotation(articleOf(text), empty).entities ?? []).map((e) => e.name);
    expect(found).not.toContain('WKRX');
    expect(found).not.toContain('QX');
    expect(found).toContain('MFLU');
  });
});

describe('kinds of programs', () => {
  it('takes "an Executive Order" or a "Senate Bill" with no number for no program, but keeps an owned one', () => {
    const bare = 'A judge halted an Executive Order on Monday. Lawmakers debated Senate Bill (SB) rules.';
    expect(programs(extractAnnotation(articleOf(bare), empty))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(?:executive order|senate bill)$/)]),
    );
    const owned = 'Chief Lena Ward wrote about President Tom Ridley’s Executive Order on Monday.';
    expect(programs(extractAnnotation(articleOf(owned), empty))).toContain('executive order');
  });
});
