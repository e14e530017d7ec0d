import type { Gazetteer } from '../../../ingest/extract';
import { extractAnnotation, gazetteerFromAnnotations } from '../../../ingest/extract';
import { articleOf, curatedAnnotations } from './support';

const gazetteer: Gazetteer = {
  entities: [
    { id: 'jeff-sessions', kind: 'person', name: 'Jeff Sessions', aliases: ['Sessions'] },
    {
      id: 'department-of-justice',
      kind: 'agency',
      name: 'Department of Justice',
      aliases: ['Justice Department', 'DOJ'],
    },
    { id: 'ice', kind: 'agency', name: 'U.S. Immigration and Customs Enforcement', aliases: ['ICE'] },
  ],
  events: [],
};

const entityIds = (text: string, g: Gazetteer = gazetteer): string[] =>
  (extractAnnotation(articleOf(text), g).entities ?? []).map((e) => e.id);

describe('entity resolution', () => {
  it('resolves a surname, "Mr." and a titled full name to the known person', () => {
    const text =
      'Attorney General Jeff Sessions spoke on Tuesday. Mr. Sessions said the Justice Department is ready. Sessions left.';
    expect(entityIds(text)).toEqual(['jeff-sessions', 'department-of-justice']);
  });

  it('resolves a surname to the known person even when it comes first', () => {
    const people = (
      extractAnnotation(articleOf('Sessions said cities must cooperate.'), gazetteer).entities ?? []
    ).filter((e) => e.kind === 'person');
    expect(people.map((e) => e.id)).toEqual(['jeff-sessions']);
  });

  it('resolves a reordered agency name and an acronym of the known name', () => {
    expect(
      entityIds('The Department of Justice wrote to ICE. The DOJ also wrote to Immigration and Customs Enforcement.'),
    ).toEqual(['department-of-justice', 'ice']);
  });

  it('makes a surname later in the article refer to the person named in full first', () => {
    const annotation = extractAnnotation(
      articleOf('New York Mayor Bill de Blasio criticized the order. “It is wrong,” de Blasio said. Blasio left.'),
      gazetteer,
    );
    expect((annotation.entities ?? []).filter((e) => e.kind === 'person').map((e) => e.id)).toEqual(['bill-de-blasio']);
  });

  it('gives a genuinely new entity a slug of its name and drops a lone capitalized word that refers to no one', () => {
    const ids = entityIds('Staff members said Corey Price, an official, left the Northwest Immigrant Rights Project.');
    expect(ids).toEqual(expect.arrayContaining(['corey-price', 'northwest-immigrant-rights-project']));
    expect(ids).not.toContain('staff');
  });

  it('builds a gazetteer from annotations, merging the aliases of one id', () => {
    const g = gazetteerFromAnnotations([...curatedAnnotations().values()]);
    const sessions = g.entities.find((e) => e.id === 'jeff-sessions');
    expect(sessions?.aliases).toEqual(expect.arrayContaining(['Sessions', 'Mr. Sessions', 'Atty. General Sessions']));
    expect(g.entities.filter((e) => e.id === 'jeff-sessions')).toHaveLength(1);
    expect(g.events.map((e) => e.id)).toContain('doj-public-safety-partnership-letters-2017-08');
  });
});
