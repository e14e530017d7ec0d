import { apiFor, dataOf, seedCorpus } from './support';

const ASIAN_JOURNAL_TITLE =
  'Atty. General Sessions warns sanctuary cities repercussions for noncompliance with the federal immigration agencies';

/** The answers the issue promises on the five seed articles, loaded with the project's ingest. */
describe('the API contract on the seed corpus', () => {
  const api = apiFor(seedCorpus);

  it('stances(kind: OPPOSED, actionBy: "Department of Justice") lists the mayors with the action, its date, the quote and its article', async () => {
    const data = dataOf(
      await api.query(`{
        stances(kind: OPPOSED, actionBy: "Department of Justice") {
          kind
          actor { id name }
          target { id name ... on Event { date } }
          evidence { quote article { id title } }
        }
      }`),
    );
    const stances = data.stances as {
      kind: string;
      actor: { id: string; name: string };
      target: { id: string; name: string; date: string };
      evidence: { quote: string; article: { id: string; title: string } }[];
    }[];
    const actors = stances.map((s) => s.actor.name);
    expect(actors).toEqual(
      expect.arrayContaining(['Eric Garcetti', 'Bill de Blasio', 'Mitch Landrieu', 'Rahm Emanuel']),
    );
    expect(actors.length).toBeGreaterThan(4);
    expect(stances.every((s) => s.kind === 'OPPOSED' && s.evidence.length > 0)).toBe(true);

    const garcetti = stances.find((s) => s.actor.id === 'eric-garcetti');
    expect(garcetti).toEqual({
      kind: 'OPPOSED',
      actor: { id: 'eric-garcetti', name: 'Eric Garcetti' },
      target: {
        id: 'sessions-subpoena-threat-2018-01-24',
        name: 'Sessions threatens to subpoena sanctuary cities',
        date: '2018-01-24',
      },
      evidence: [
        {
          quote: 'Threaten me all you want. I will stand up for every Angeleno.',
          article: { id: '004_7eba275eeb4bf9d5', title: ASIAN_JOURNAL_TITLE },
        },
      ],
    });
    const deBlasio = stances.find((s) => s.actor.id === 'bill-de-blasio');
    expect(deBlasio?.evidence[0]?.quote).toContain('racist assault on our immigrant communities');

    // Ordered by event date, then actor name.
    const keys = stances.map((s) => [s.target.date ?? '\uffff', s.actor.name] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
    // Only DOJ actions: no stance on President Trump's order.
    expect(stances.map((s) => s.target.id)).not.toContain('trump-sanctuary-cities-executive-order-2017');
  });

  it('path(from: "eric-garcetti", to: "jeff-sessions") goes through the January 2018 subpoena threat', async () => {
    const data = dataOf(
      await api.query(`{
        path(from: "eric-garcetti", to: "jeff-sessions") {
          nodes { id ... on Event { date } }
          edges { type from to evidence { quote } }
        }
      }`),
    );
    expect(data.path.nodes).toEqual([
      { id: 'eric-garcetti' },
      { id: 'sessions-subpoena-threat-2018-01-24', date: '2018-01-24' },
      { id: 'jeff-sessions' },
    ]);
    expect(data.path.edges.map((e: { type: string }) => e.type)).toEqual(['OPPOSED', 'INITIATED']);
    expect(data.path.edges[0].evidence).toEqual([
      { quote: 'Threaten me all you want. I will stand up for every Angeleno.' },
    ]);
  });

  it('search(text: "sessions") ranks Jeff Sessions first, above events named after him', async () => {
    const data = dataOf(await api.query(`{ search(text: "sessions") { __typename id name } }`));
    expect(data.search[0]).toEqual({ __typename: 'Person', id: 'jeff-sessions', name: 'Jeff Sessions' });
    // The events whose names contain "Sessions" are found too, after him.
    expect(data.search.slice(1).some((e: { __typename: string }) => e.__typename === 'Event')).toBe(true);
  });

  it('search(text: "Sesions") still finds him, and so do other spellings', async () => {
    for (const text of ['Sesions', 'SESSIONS', 'jeff sesions', 'Atty. General Sessions']) {
      const data = dataOf(await api.query(`query ($text: String!) { search(text: $text, first: 3) { id } }`, { text }));
      expect(data.search[0]).toEqual({ id: 'jeff-sessions' });
    }
  });

  it('search filters by kind and a connection pages through the ranked results', async () => {
    const data = dataOf(
      await api.query(`{
        search(text: "los angeles", kinds: [AGENCY]) { id kind }
        searchConnection(text: "sanctuary", first: 2) { totalCount edges { cursor score node { id } } pageInfo { hasNextPage endCursor } }
      }`),
    );
    expect(data.search.length).toBeGreaterThan(0);
    expect(data.search.every((e: { kind: string }) => e.kind === 'AGENCY')).toBe(true);
    expect(data.search.map((e: { id: string }) => e.id)).toContain('los-angeles-police-department');
    const { edges, pageInfo, totalCount } = data.searchConnection;
    expect(totalCount).toBeGreaterThan(2);
    expect(edges).toHaveLength(2);
    expect(edges[0].score).toBeGreaterThanOrEqual(edges[1].score);
    expect(pageInfo).toEqual({ hasNextPage: true, endCursor: edges[1].cursor });
    const next = dataOf(
      await api.query(
        `query ($after: String) { searchConnection(text: "sanctuary", first: 2, after: $after) { edges { node { id } } } }`,
        {
          after: pageInfo.endCursor,
        },
      ),
    );
    const firstPage = edges.map((e: { node: { id: string } }) => e.node.id);
    for (const edge of next.searchConnection.edges) expect(firstPage).not.toContain(edge.node.id);
  });

  it('a three-level nested query costs exactly one round trip, and so do several root fields', async () => {
    const nested = await api.query(`{
      entity(id: "sessions-subpoena-threat-2018-01-24") {
        ... on Event {
          opposedBy {
            actor { name ... on Person { roles { title organization { name ... on Agency { members { person { name } } } } evidence { quote } } } }
            evidence { quote article { title } }
          }
        }
      }
    }`);
    expect(dataOf(nested).entity.opposedBy.length).toBeGreaterThan(3);
    expect(nested.extensions?.roundTrips).toBe(1);

    const several = await api.query(`{
      a: search(text: "garcetti") { id }
      b: timeline(id: "eric-garcetti") { id }
      c: stances(kind: SUPPORTED) { actor { id } }
      d: path(from: "eric-garcetti", to: "jeff-sessions") { nodes { id } }
    }`);
    expect(Object.keys(dataOf(several))).toEqual(['a', 'b', 'c', 'd']);
    expect(several.extensions?.roundTrips).toBe(1);
  });

  it('Event.initiatedBy, targets and concerns carry evidence of each link', async () => {
    const data = dataOf(
      await api.query(`{
        entity(id: "sessions-subpoena-threat-2018-01-24") {
          ... on Event {
            initiatedBy { entity { id } evidence { quote } }
            targets(first: 20) { entity { id } }
            concerns { entity { ... on Program { id type } } evidence { article { id } } }
          }
        }
      }`),
    );
    expect(data.entity.initiatedBy.map((l: { entity: { id: string } }) => l.entity.id)).toEqual([
      'department-of-justice',
      'jeff-sessions',
    ]);
    expect(data.entity.initiatedBy[1].evidence.map((e: { quote: string }) => e.quote)).toContainEqual(
      expect.stringContaining('threatened to subpoena any sanctuary city'),
    );
    expect(data.entity.targets.map((l: { entity: { id: string } }) => l.entity.id)).toEqual(
      expect.arrayContaining(['los-angeles', 'chicago', 'new-york-city', 'san-francisco']),
    );
    expect(data.entity.concerns).toEqual([
      {
        entity: { id: 'sanctuary-policies', type: 'policy' },
        evidence: expect.arrayContaining([{ article: { id: '004_7eba275eeb4bf9d5' } }]),
      },
    ]);
  });

  it('timeline(id: "bernalillo-county") starts with the commission\'s 2017 vote, then the 2019 acts, in date order', async () => {
    const data = dataOf(await api.query(`{ timeline(id: "bernalillo-county") { id date } }`));
    const events = data.timeline as { id: string; date: string }[];
    // The 2017 vote was the county commission's (PART_OF the county), so it belongs on the county's timeline.
    expect(events[0]).toEqual({ id: 'bernalillo-county-bars-immigration-enforcement-2017', date: '2017' });
    expect(events.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'bernalillo-county-information-sharing-resolution-2019-02-26',
        'bernalillo-county-bars-ice-from-jail-2019',
      ]),
    );
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates.map((d) => d.slice(0, 4)))).toEqual(new Set(['2017', '2019']));
  });
});
