import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/core/paths';
import { type AnyData, apiFor, dataOf, seedCorpus } from './support';

const EXAMPLES_DIR = join(PROJECT_ROOT, 'schema', 'examples');
type Data = AnyData;
const ids = (list: { id: string }[]): string[] => list.map((x) => x.id);

/** What each example must answer on the seed corpus. Every example file needs an entry. */
const EXPECTATIONS: Record<string, (data: Data) => void> = {
  '01-doj-opposition.graphql': ({ stances }) => {
    const names = stances.map((s: Data) => s.actor.name);
    expect(names).toEqual(
      expect.arrayContaining(['Eric Garcetti', 'Bill de Blasio', 'Mitch Landrieu', 'Rahm Emanuel']),
    );
    const garcetti = stances.find((s: Data) => s.actor.id === 'eric-garcetti');
    expect(garcetti.action).toMatchObject({
      name: 'Sessions threatens to subpoena sanctuary cities',
      date: '2018-01-24',
      eventType: 'threat',
    });
    expect(garcetti.action.initiatedBy.map((l: Data) => l.entity.name)).toContain('Jeff Sessions');
    expect(garcetti.evidence).toEqual([
      {
        quote: 'Threaten me all you want. I will stand up for every Angeleno.',
        article: {
          id: '004_7eba275eeb4bf9d5',
          title:
            'Atty. General Sessions warns sanctuary cities repercussions for noncompliance with the federal immigration agencies',
          published: '2018-01',
        },
      },
    ]);
    // Police chiefs opposed Sessions' April 2017 speech: the earliest DOJ action comes first.
    expect(stances[0].action.date).toBe('2017-04-11');
    expect(names).toContain('Charlie Beck');
  },
  '02-search-sessions.graphql': ({ sessions, typo, people }) => {
    expect(sessions[0]).toMatchObject({ __typename: 'Person', id: 'jeff-sessions', name: 'Jeff Sessions' });
    expect(sessions[0].aliases).toContain('Sessions');
    expect(typo[0]).toEqual({ id: 'jeff-sessions', name: 'Jeff Sessions' });
    expect(people.edges[0].node).toEqual({ name: 'Jeff Sessions' });
    expect(people.edges[0].score).toBeGreaterThan(0);
    expect(people.totalCount).toBeGreaterThanOrEqual(1);
  },
  '03-garcetti-timeline.graphql': ({ timeline, neighborhood }) => {
    const names = timeline.map((e: Data) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Garcetti says immigration is not the LAPD's responsibility",
        'Eric Garcetti replies to Sessions on Twitter',
        'Sessions threatens to subpoena sanctuary cities',
      ]),
    );
    const dates = timeline.map((e: Data) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(neighborhood.nodes[0]).toEqual({ id: 'eric-garcetti', name: 'Eric Garcetti', kind: 'PERSON' });
    expect(ids(neighborhood.nodes)).toEqual(
      expect.arrayContaining(['los-angeles', 'sessions-subpoena-threat-2018-01-24']),
    );
    expect(neighborhood.edges).toContainEqual({
      type: 'OPPOSED',
      from: 'eric-garcetti',
      to: 'sessions-subpoena-threat-2018-01-24',
      evidence: [{ quote: 'Threaten me all you want. I will stand up for every Angeleno.' }],
    });
  },
  '04-path-garcetti-sessions.graphql': ({ path }) => {
    expect(ids(path.nodes)).toEqual(['eric-garcetti', 'sessions-subpoena-threat-2018-01-24', 'jeff-sessions']);
    expect(path.nodes[1].date).toBe('2018-01-24');
    expect(path.edges.map((e: Data) => [e.type, e.from, e.to])).toEqual([
      ['OPPOSED', 'eric-garcetti', 'sessions-subpoena-threat-2018-01-24'],
      ['INITIATED', 'jeff-sessions', 'sessions-subpoena-threat-2018-01-24'],
    ]);
    expect(path.edges[1].evidence[0].article.title).toContain('Sessions warns sanctuary cities');
  },
  '05-event-opposition-roles.graphql': ({ entity }) => {
    expect(entity).toMatchObject({ name: 'Sessions threatens to subpoena sanctuary cities', date: '2018-01-24' });
    const landrieu = entity.opposedBy.find((s: Data) => s.actor.name === 'Mitch Landrieu');
    expect(landrieu.actor.roles).toEqual(
      expect.arrayContaining([
        {
          title: 'Mayor',
          organization: { name: 'New Orleans', kind: 'JURISDICTION' },
          evidence: [{ quote: 'New Orleans Mayor Mitch Landrieu' }],
        },
        {
          title: 'President',
          organization: { name: 'U.S. Conference of Mayors', kind: 'ORGANIZATION' },
          evidence: [{ quote: 'Landrieu, who is president of the U.S. Conference of Mayors' }],
        },
      ]),
    );
    expect(landrieu.evidence[0].quote).toContain('has made this meeting untenable');
    const conference = entity.opposedBy.find((s: Data) => s.actor.name === 'U.S. Conference of Mayors');
    expect(conference.actor.roles).toBeUndefined(); // not a Person: the fragment does not apply
    expect(conference.evidence[0].article.title).toContain('Sessions warns sanctuary cities');
  },
  '06-events-by-program-and-date.graphql': ({ sinceAugust2017, byDojIn2017 }) => {
    expect(ids(sinceAugust2017)).toEqual([
      'doj-public-safety-partnership-letters-2017-08',
      'doj-sanctuary-public-safety-partnership-announcement-2017-08-03',
    ]);
    expect(sinceAugust2017[1].initiatedBy.map((l: Data) => l.entity.name)).toContain('Jeff Sessions');
    expect(byDojIn2017.length).toBeGreaterThan(2);
    expect(byDojIn2017.every((e: Data) => e.date.startsWith('2017'))).toBe(true);
    expect(byDojIn2017.map((e: Data) => e.name)).toContain('Sessions launches the Public Safety Partnership');
  },
};

describe('schema/examples answer on the seed corpus', () => {
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const api = apiFor(seedCorpus);

  it('has at least five examples, each with expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it.each(files)('%s', async (file) => {
    const response = await api.query(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
    expect(response.status).toBe(200);
    EXPECTATIONS[file]!(dataOf(response));
    expect(response.extensions?.roundTrips).toBe(1);
  });
});
