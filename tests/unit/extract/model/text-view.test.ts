/** Where the model finds an annotation's entities in the text: names, surnames, pronouns and descriptions. */
import type { AnnotationInput } from '../../../../ingest/annotation/format';
import { findEntityMentions, sentencesOfQuote, viewOf } from '../../../../ingest/extract/model/text-view';

type Entity = NonNullable<AnnotationInput['entities']>[number];
const person = (id: string, name: string): Entity => ({ id, kind: 'person', name, aliases: [], confidence: 1 });
const body = (id: string, kind: Entity['kind'], name: string, type?: string): Entity => ({
  id,
  kind,
  name,
  aliases: [],
  confidence: 1,
  ...(type ? { type } : {}),
});
const found = (text: string, entities: Entity[], roles: NonNullable<AnnotationInput['roles']> = []) =>
  findEntityMentions(viewOf(text), entities, roles).map((m) => `${m.entity}@${m.sentence}${m.indirect ? '~' : ''}`);

describe('findEntityMentions', () => {
  it('finds full names and a person’s surname alone', () => {
    const text = 'Mayor Dana Whitfield spoke on Monday. Later, Whitfield said the plan would go on.';
    expect(found(text, [person('dana-whitfield', 'Dana Whitfield')])).toEqual(['dana-whitfield@0', 'dana-whitfield@1']);
  });

  it('lets the longest name win where two overlap', () => {
    const text = 'The Ortega administration sued. Ortega was not there.';
    const entities = [
      person('luis-ortega', 'Luis Ortega'),
      body('ortega-administration', 'agency', 'Ortega administration'),
    ];
    expect(found(text, entities)).toEqual(['ortega-administration@0', 'luis-ortega@1']);
  });

  it('takes "he" for the last person named within a few sentences', () => {
    const text = 'Sheriff Amos Kell met reporters. He said the jail would not hold anyone for the agency.';
    expect(found(text, [person('amos-kell', 'Amos Kell')])).toEqual(['amos-kell@0', 'amos-kell@1~']);
  });

  it('takes "the bill" and "the ordinance" for the program of that kind named before, however far back', () => {
    const text = [
      'Senator Ada Kroll filed SB 90 in March.',
      'Hearings followed.',
      'Nothing moved for weeks.',
      'Critics said the bill would hurt families.',
      'Then the Corlen council passed the Corlen ordinance, and the ordinance took effect.',
    ].join(' ');
    const entities = [
      body('sb-90', 'program', 'SB 90', 'bill'),
      body('corlen-ordinance', 'program', 'Corlen ordinance', 'law'),
    ];
    expect(found(text, entities)).toEqual(['sb-90@0', 'sb-90@3~', 'corlen-ordinance@4', 'corlen-ordinance@4~']);
  });

  it('takes "the mayor" for a person with that role, and "the city" for the last city', () => {
    const text = 'Dana Whitfield leads Riverton. The mayor said the city would sue.';
    const entities = [person('dana-whitfield', 'Dana Whitfield'), body('riverton', 'jurisdiction', 'Riverton', 'city')];
    const roles = [
      { person: 'dana-whitfield', title: 'Mayor', org: 'riverton', quote: 'Dana Whitfield leads Riverton' },
    ];
    expect(found(text, entities, roles)).toEqual([
      'dana-whitfield@0',
      'riverton@0',
      'dana-whitfield@1~',
      'riverton@1~',
    ]);
  });

  it('does not match a name inside another word', () => {
    expect(found('Icemaker shares rose.', [body('ice', 'agency', 'ICE')])).toEqual([]);
  });
});

describe('sentencesOfQuote', () => {
  it('gives every sentence a quote spans, and none for a quote not in the text', () => {
    const view = viewOf('One. Two words here. Three.');
    expect(sentencesOfQuote(view, 'words here. Three')).toEqual([1, 2]);
    expect(sentencesOfQuote(view, 'not there')).toEqual([]);
  });
});
