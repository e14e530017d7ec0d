import { extractAnnotation, type Gazetteer } from '../../../ingest/extract';
import { articleOf } from './support';

const gazetteer: Gazetteer = {
  entities: [
    { id: 'jeff-sessions', kind: 'person', name: 'Jeff Sessions', aliases: ['Sessions'] },
    {
      id: 'sanctuary-policies',
      kind: 'program',
      name: 'Sanctuary policies',
      aliases: ['sanctuary laws'],
      type: 'policy',
    },
  ],
  events: [],
};

describe('stances', () => {
  const text = [
    'Sanctions Threat',
    'Attorney General Jeff Sessions on Wednesday threatened to subpoena sanctuary cities that refuse to cooperate.',
    '“Threaten me all you want. This is pure politics,” said LA Mayor Eric Garcetti.',
    '“Cities with sanctuary laws protect criminal aliens,” Sessions said in a statement.',
  ].join('\n');
  const annotation = extractAnnotation(
    articleOf(text, { title: 'Sanctions Threat', published: '2018-01-25' }),
    gazetteer,
  );
  const threat = (annotation.events ?? []).find((e) => e.type === 'threat');

  it('finds the act: who threatened whom, and when', () => {
    expect(threat).toMatchObject({ date: '2018-01-24', by: ['jeff-sessions'], targets: ['sanctuary-jurisdictions'] });
  });

  it('reads the speaker of a quote as opposing the act the quote condemns', () => {
    expect(annotation.stances).toContainEqual(
      expect.objectContaining({
        actor: 'eric-garcetti',
        kind: 'OPPOSED',
        target: threat?.id,
        quote: '“Threaten me all you want. This is pure politics,” said LA Mayor Eric Garcetti.',
      }),
    );
  });

  it('reads a speaker who attacks sanctuary places as opposing sanctuary policies', () => {
    expect(annotation.stances).toContainEqual(
      expect.objectContaining({ actor: 'jeff-sessions', kind: 'OPPOSED', target: 'sanctuary-policies' }),
    );
  });

  // "defended" was a cue only because of the regression fixture; it was removed (docs/extraction-quality.md).
  it('reads "X backed Y" as support of Y', () => {
    const a = extractAnnotation(
      articleOf('Mayor Jim Kenney has backed the city’s sanctuary policies since 2016.'),
      gazetteer,
    );
    expect(a.stances).toEqual([
      expect.objectContaining({ actor: 'jim-kenney', kind: 'SUPPORTED', target: 'sanctuary-policies' }),
    ]);
  });
});
