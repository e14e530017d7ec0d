import { AnnotationSchema, type AnnotationInput } from '../../../ingest/annotation/format';
import { compareAnnotations } from '../../../ingest/extract/evaluate';

const TEXT =
  'Mayor Jim Kenney of Philadelphia defended the city policy. President Donald Trump spoke in Washington. ' +
  'Philadelphia sued the Justice Department.';
const article = { file: 'a.txt', title: 'A' };
const person = (id: string, name: string) => ({ id, kind: 'person' as const, name });
const body = (id: string, name: string) => ({ id, kind: 'jurisdiction' as const, name });

const gold: AnnotationInput = {
  article,
  entities: [
    person('jim-kenney', 'Jim Kenney'),
    body('philadelphia', 'Philadelphia'),
    { id: 'city-policy', kind: 'program', name: 'the city policy' },
    { id: 'doj', kind: 'agency', name: 'Department of Justice', aliases: ['Justice Department'] },
  ],
  stances: [{ actor: 'jim-kenney', kind: 'SUPPORTED', target: 'city-policy', quote: 'defended the city policy' }],
};
const parse = (a: AnnotationInput) => AnnotationSchema.parse(a);

describe('compareAnnotations', () => {
  it('scores stances on actor and polarity, and apart from them on the target too', () => {
    const extracted: AnnotationInput = {
      ...gold,
      stances: [{ actor: 'jim-kenney', kind: 'SUPPORTED', target: 'philadelphia', quote: 'defended the city policy' }],
    };
    const { scores } = compareAnnotations(extracted, parse(gold), TEXT, parse);
    expect(scores.stances).toEqual({ extracted: 1, gold: 1, matched: 1 });
    expect(scores.targetedStances).toEqual({ extracted: 1, gold: 1, matched: 0 });
  });

  it('counts an entity on the neutral list, and the facts that refer to it, neither for nor against', () => {
    const extracted: AnnotationInput = {
      ...gold,
      entities: [...(gold.entities ?? []), person('trump', 'Trump'), body('washington', 'Washington')],
      roles: [{ person: 'trump', title: 'President', org: 'washington', quote: 'President Donald Trump' }],
      stances: [
        ...(gold.stances ?? []),
        { actor: 'trump', kind: 'OPPOSED', target: 'city-policy', quote: 'President Donald Trump spoke' },
      ],
    };
    const plain = compareAnnotations(extracted, parse(gold), TEXT, parse).scores;
    expect(plain.entities).toEqual({ extracted: 6, gold: 4, matched: 4 });
    const neutral = compareAnnotations(extracted, parse(gold), TEXT, parse, {
      neutral: ['Donald Trump', 'trump'],
    }).scores;
    expect(neutral.entities).toEqual({ extracted: 5, gold: 4, matched: 4 });
    expect(neutral.roles).toEqual({ extracted: 0, gold: 0, matched: 0 });
    expect(neutral.stances).toEqual({ extracted: 1, gold: 1, matched: 1 });
    expect(plain.stances).toEqual({ extracted: 2, gold: 1, matched: 1 });
  });

  it('still counts a neutral name as a true positive when the gold has it after all', () => {
    const { scores } = compareAnnotations(gold, parse(gold), TEXT, parse, { neutral: ['Jim Kenney'] });
    expect(scores.entities).toEqual({ extracted: 4, gold: 4, matched: 4 });
  });
});
