import { samePerson } from '../../../../ingest/extract/structure/merge';
import { billKey } from '../../../../ingest/extract/structure/mentions';
import { sameGivenName } from '../../../../ingest/extract/structure/nicknames';
import { creditRanges } from '../../../../ingest/extract/structure/credits';

describe('telling one entity named two ways', () => {
  it('takes short first names and initials as the same given name, and no others', () => {
    expect(sameGivenName('Bill', 'William')).toBe(true);
    expect(sameGivenName('Jim', 'James')).toBe(true);
    expect(sameGivenName('J.', 'Jeff')).toBe(true);
    expect(sameGivenName('Bill', 'Robert')).toBe(false);
    expect(sameGivenName('Jeff', 'John')).toBe(false);
  });

  it('takes a person under a nickname, an initial or the surname alone as one person', () => {
    expect(samePerson('Bill de Blasio', 'William de Blasio')).toBe(true);
    expect(samePerson('Jeff Sessions', 'J. Sessions')).toBe(true);
    expect(samePerson('Emanuel', 'Rahm Emanuel')).toBe(true);
    expect(samePerson('Jeff Sessions', 'Pete Sessions')).toBe(false);
    expect(samePerson('Jim Kenney', 'Jim Kenny')).toBe(false);
  });

  it('gives a bill one key under its number, its short form and its long form', () => {
    expect(billKey('SB4')).toBe('sb4');
    expect(billKey('S.B. 4')).toBe('sb4');
    expect(billKey('Texas Senate Bill 4')).toBe('sb4');
    expect(billKey('Assembly Bill 450')).toBe('ab450');
    expect(billKey('the bill')).toBeNull();
  });
});

describe('finding photo credits', () => {
  const covered = (text: string): string[] => creditRanges(text).map(([a, b]) => text.slice(a, b));

  it('finds a slash credit, a credit line, an inline credit and a photographer under a caption, not the caption', () => {
    expect(covered('The mayor speaks. (Jeff Chiu/AP)\nThe council met.')).toEqual(['Jeff Chiu/AP']);
    expect(covered('Text.\nPhoto: Getty Images\nMore.')).toEqual(['Photo: Getty Images']);
    expect(covered('Sessions speaks. (Photo: Gage Skidmore) Sessions spoke.')).toEqual(['(Photo: Gage Skidmore)']);
    expect(covered('The city filed suit in August.\nAlex Brandon\n\nA judge ruled.')).toEqual(['Alex Brandon']);
  });

  it('keeps a byline under the headline and slashes inside prose', () => {
    expect(covered('Judge rules for the city\n\nAlan Gomez\n\nThe judge ruled.')).toEqual([]);
    expect(covered('Police and/or deputies will assist, officials said on 4/5.')).toEqual([]);
  });
});
