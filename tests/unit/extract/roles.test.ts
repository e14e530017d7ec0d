import { extractAnnotation } from '../../../ingest/extract';
import { articleOf } from './support';

const empty = { entities: [], events: [] };
const rolesOf = (text: string) => extractAnnotation(articleOf(text), empty).roles ?? [];

describe('roles', () => {
  it('reads a title before the name, with the place before the title: a police chief belongs to the police department', () => {
    expect(rolesOf('Last week, Houston Police Chief Art Acevedo reported a drop in crime reports.')).toEqual([
      expect.objectContaining({
        person: 'art-acevedo',
        title: 'Police Chief',
        org: 'houston-police-department',
        quote: 'Houston Police Chief Art Acevedo',
      }),
    ]);
  });

  it('reads a mayor of a city written in short form', () => {
    expect(rolesOf('LA Mayor Eric Garcetti replied on Twitter.')).toEqual([
      expect.objectContaining({
        person: 'eric-garcetti',
        title: 'Mayor',
        org: 'los-angeles',
        quote: 'LA Mayor Eric Garcetti',
      }),
    ]);
  });

  it('gives a federal office its department when the text names none', () => {
    expect(rolesOf('Attorney General Jeff Sessions urged cities to cooperate.')).toEqual([
      expect.objectContaining({ person: 'jeff-sessions', title: 'Attorney General', org: 'department-of-justice' }),
    ]);
  });

  it('reads an apposition after the name', () => {
    const text = '“I was surprised,” said Maggie Hart Stebbins, chairwoman of the Bernalillo County Commission.';
    expect(rolesOf(text)).toEqual([
      expect.objectContaining({
        person: 'maggie-hart-stebbins',
        title: 'Chairwoman',
        org: 'bernalillo-county-commission',
        quote: 'Maggie Hart Stebbins, chairwoman of the Bernalillo County Commission',
      }),
    ]);
  });

  it('reads two offices joined by "and" in one apposition', () => {
    const text =
      'Tom Manger, who serves as the president of the Major Cities Chiefs Association and chief of police in Montgomery County, said chiefs must fight fears.';
    expect(rolesOf(text).map((r) => [r.title, r.org])).toEqual([
      ['President', 'major-cities-chiefs-association'],
      ['Chief of Police', 'montgomery-county'],
    ]);
  });
});
