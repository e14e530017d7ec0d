import { GARCETTI_QUOTE, loadFixture } from './fixture';
import { type GraphQLResponse, apiFor, dataOf } from './support';

interface EventsPage {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

/** The API's semantics on a small graph whose answers are known exactly (tests/integration/api/fixture.ts). */
describe('API semantics on the model fixture', () => {
  const api = apiFor(loadFixture);

  describe('entity', () => {
    it('returns the entity with its concrete type, kind and aliases', async () => {
      const data = dataOf(await api.query(`{ entity(id: "jeff-sessions") { __typename id name kind aliases } }`));
      expect(data.entity).toEqual({
        __typename: 'Person',
        id: 'jeff-sessions',
        name: 'Jeff Sessions',
        kind: 'PERSON',
        aliases: ['Sessions', 'Atty. General Sessions'],
      });
    });

    it('is null for an unknown id', async () => {
      expect(dataOf(await api.query(`{ entity(id: "nobody") { id } }`)).entity).toBeNull();
    });

    it('navigates relationships with their evidence, to any depth', async () => {
      const data = dataOf(
        await api.query(`{
          entity(id: "jeff-sessions") {
            ... on Person {
              roles { title organization { name } evidence { quote article { id } } }
              initiated { id targets { entity { name } } concerns { entity { id } } opposedBy { actor { name } evidence { quote } } }
            }
          }
        }`),
      );
      expect(data.entity.roles).toEqual([
        {
          title: 'Attorney General',
          organization: { name: 'Department of Justice' },
          evidence: [
            { quote: 'United States Attorney General Jeff Sessions', article: { id: '004_7eba275eeb4bf9d5' } },
          ],
        },
      ]);
      expect(data.entity.initiated).toEqual([
        {
          id: 'sessions-subpoena-threat-2018-01-24',
          targets: [{ entity: { name: 'Los Angeles' } }],
          concerns: [{ entity: { id: 'sanctuary-policies' } }],
          opposedBy: [{ actor: { name: 'Eric Garcetti' }, evidence: [{ quote: GARCETTI_QUOTE }] }],
        },
      ]);
    });

    it('answers the reverse directions: members of an agency, events targeting a jurisdiction, stances on a program', async () => {
      const data = dataOf(
        await api.query(`{
          doj: entity(id: "department-of-justice") { ... on Agency { members { title person { name } } initiated { id } } }
          la: entity(id: "los-angeles") { ... on Jurisdiction { officials { person { id } } targetedBy { id date } stances { kind target { id } } } }
          program: entity(id: "sanctuary-policies") { ... on Program { supportedBy { actor { id } evidence { quote } } concernedBy { id } } }
        }`),
      );
      expect(data.doj).toEqual({
        members: [{ title: 'Attorney General', person: { name: 'Jeff Sessions' } }],
        initiated: [{ id: 'doj-letters-2017-08' }],
      });
      expect(data.la.officials).toEqual([{ person: { id: 'eric-garcetti' } }]);
      expect(data.la.targetedBy).toEqual([
        { id: 'doj-letters-2017-08', date: '2017-08' },
        { id: 'sessions-subpoena-threat-2018-01-24', date: '2018-01-24' },
      ]);
      expect(data.la.stances).toEqual([{ kind: 'OPPOSED', target: { id: 'doj-letters-2017-08' } }]);
      expect(data.program.supportedBy).toEqual([
        {
          actor: { id: 'eric-garcetti' },
          evidence: [{ quote: 'LA Mayor Eric Garcetti, a firm advocate of sanctuary city practices' }],
        },
      ]);
      expect(data.program.concernedBy).toEqual([{ id: 'sessions-subpoena-threat-2018-01-24' }]);
    });

    it('lists the articles that mention an entity, most recent first, and what each mention says', async () => {
      const data = dataOf(
        await api.query(
          `{ entity(id: "los-angeles") { mentionedIn(first: 5) { id published } mentions(first: 1) { quote article { id } entity { id } } } }`,
        ),
      );
      expect(data.entity.mentionedIn).toEqual([{ id: '004_7eba275eeb4bf9d5', published: '2018-01' }]);
      expect(data.entity.mentions).toEqual([
        { quote: 'Los Angeles', article: { id: '004_7eba275eeb4bf9d5' }, entity: { id: 'los-angeles' } },
      ]);
    });
  });

  describe('stances', () => {
    it('counts actions of people holding a role at actionBy as its actions, and orders by event date', async () => {
      const data = dataOf(
        await api.query(
          `{ stances(kind: OPPOSED, actionBy: "Department of Justice") { actor { id } target { id } evidence { quote } } }`,
        ),
      );
      expect(data.stances).toEqual([
        {
          actor: { id: 'los-angeles' },
          target: { id: 'doj-letters-2017-08' },
          evidence: [{ quote: 'Los Angeles officials rejected the letters.' }],
        },
        {
          actor: { id: 'eric-garcetti' },
          target: { id: 'sessions-subpoena-threat-2018-01-24' },
          evidence: [{ quote: GARCETTI_QUOTE }],
        },
      ]);
    });

    it('resolves actionBy and actor by id, name or alias, ignoring case', async () => {
      for (const ref of ['department-of-justice', 'department of justice', 'DOJ', 'justice department']) {
        const data = dataOf(
          await api.query(`query ($ref: String) { stances(kind: OPPOSED, actionBy: $ref) { actor { id } } }`, { ref }),
        );
        expect(data.stances).toHaveLength(2);
      }
      const byActor = dataOf(await api.query(`{ stances(kind: SUPPORTED, actor: "garcetti") { target { id } } }`));
      expect(byActor.stances).toEqual([{ target: { id: 'sanctuary-policies' } }]);
    });

    it('gives an empty list for a name that is no entity', async () => {
      expect(
        dataOf(await api.query(`{ stances(kind: OPPOSED, actionBy: "Ministry of Magic") { kind } }`)).stances,
      ).toEqual([]);
    });
  });

  describe('events', () => {
    async function eventIds(args: string): Promise<string[]> {
      const data = dataOf(await api.query(`{ events${args ? `(${args})` : ''} { id } }`));
      return (data.events as { id: string }[]).map((e) => e.id);
    }

    it('lists all events by date without filters', async () => {
      expect(await eventIds('')).toEqual([
        'trump-order-2017',
        'doj-letters-2017-08',
        'sessions-subpoena-threat-2018-01-24',
      ]);
    });

    it('filters by initiator (with role holders), target and program, by id, name or alias', async () => {
      expect(await eventIds('by: "DOJ"')).toEqual(['doj-letters-2017-08', 'sessions-subpoena-threat-2018-01-24']);
      expect(await eventIds('by: "Sessions"')).toEqual(['sessions-subpoena-threat-2018-01-24']);
      expect(await eventIds('target: "L.A."')).toEqual(['doj-letters-2017-08', 'sessions-subpoena-threat-2018-01-24']);
      expect(await eventIds('program: "sanctuary city practices"')).toEqual(['sessions-subpoena-threat-2018-01-24']);
      expect(await eventIds('by: "DOJ", target: "los-angeles", program: "sanctuary-policies"')).toEqual([
        'sessions-subpoena-threat-2018-01-24',
      ]);
      expect(await eventIds('target: "nowhere"')).toEqual([]);
    });

    it('keeps events whose days overlap the window, whatever the precision of either', async () => {
      expect(await eventIds('from: "2017-06"')).toEqual([
        'trump-order-2017',
        'doj-letters-2017-08',
        'sessions-subpoena-threat-2018-01-24',
      ]);
      expect(await eventIds('from: "2017-08-15", to: "2017-08-31"')).toEqual([
        'trump-order-2017',
        'doj-letters-2017-08',
      ]);
      expect(await eventIds('from: "2017-09", to: "2017-12"')).toEqual(['trump-order-2017']);
      expect(await eventIds('from: "2018"')).toEqual(['sessions-subpoena-threat-2018-01-24']);
      expect(await eventIds('to: "2016"')).toEqual([]);
    });

    it('pages through a connection with cursors until the end', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page += 1) {
        const response: GraphQLResponse = await api.query(
          `query ($after: String) { eventsConnection(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
          { after },
        );
        const connection: EventsPage = dataOf(response).eventsConnection;
        expect(connection.totalCount).toBe(3);
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...connection.edges.map((e) => e.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(['trump-order-2017', 'doj-letters-2017-08', 'sessions-subpoena-threat-2018-01-24']);
      // The list field takes the same cursor.
      const second = dataOf(
        await api.query(`query ($after: String) { events(first: 2, after: $after) { id } }`, { after }),
      );
      expect(second.events).toEqual([{ id: 'sessions-subpoena-threat-2018-01-24' }]);
    });
  });

  describe('timeline, neighborhood and path', () => {
    it('timeline lists the events an entity initiated, was targeted by or took a stance on', async () => {
      const timeline = async (id: string) =>
        (
          dataOf(await api.query(`query ($id: ID!) { timeline(id: $id) { id } }`, { id })).timeline as { id: string }[]
        ).map((e) => e.id);
      expect(await timeline('eric-garcetti')).toEqual(['sessions-subpoena-threat-2018-01-24']);
      expect(await timeline('los-angeles')).toEqual(['doj-letters-2017-08', 'sessions-subpoena-threat-2018-01-24']);
      expect(await timeline('sanctuary-policies')).toEqual(['sessions-subpoena-threat-2018-01-24']);
      expect(await timeline('nobody')).toEqual([]);
    });

    it('neighborhood returns the entity, its neighbours nearest first, and the edges among them', async () => {
      const data = dataOf(
        await api.query(
          `{ neighborhood(id: "eric-garcetti", depth: 1) { nodes { id } edges { type from to evidence { quote } } } }`,
        ),
      );
      expect(data.neighborhood.nodes.map((n: { id: string }) => n.id)).toEqual([
        'eric-garcetti',
        'los-angeles',
        'sanctuary-policies',
        'sessions-subpoena-threat-2018-01-24',
      ]);
      // Edges among the returned nodes, not only those of the center.
      expect(data.neighborhood.edges).toHaveLength(5);
      expect(data.neighborhood.edges).toContainEqual({
        type: 'TARGETS',
        from: 'sessions-subpoena-threat-2018-01-24',
        to: 'los-angeles',
        evidence: [
          {
            quote: 'So far, 23 cities have come out as sanctuary cities, including New York, Chicago and Los Angeles.',
          },
        ],
      });
    });

    it('neighborhood follows only the given types, cuts at first, and is empty for an unknown id', async () => {
      const data = dataOf(
        await api.query(`{
          roles: neighborhood(id: "jeff-sessions", depth: 3, types: ["HOLDS_ROLE"]) { nodes { id } edges { type } }
          two: neighborhood(id: "eric-garcetti", depth: 3, first: 2) { nodes { id } }
          none: neighborhood(id: "nobody") { nodes { id } edges { type } }
        }`),
      );
      expect(data.roles).toEqual({
        nodes: [{ id: 'jeff-sessions' }, { id: 'department-of-justice' }],
        edges: [{ type: 'HOLDS_ROLE' }],
      });
      expect(data.two.nodes).toHaveLength(2);
      expect(data.none).toEqual({ nodes: [], edges: [] });
    });

    it('path finds a shortest path over fact relationships, in order, or null', async () => {
      const data = dataOf(
        await api.query(`{
          p: path(from: "eric-garcetti", to: "department-of-justice") { nodes { id } edges { type from to } }
          tooShort: path(from: "eric-garcetti", to: "department-of-justice", maxHops: 2) { nodes { id } }
          self: path(from: "eric-garcetti", to: "eric-garcetti") { nodes { id } edges { type } }
          unknown: path(from: "eric-garcetti", to: "nobody") { nodes { id } }
        }`),
      );
      // Two paths of three hops exist (through the threat and Sessions' role, or through Los Angeles and the
      // letters); either is a shortest path, and each edge joins consecutive nodes.
      const ids = data.p.nodes.map((n: { id: string }) => n.id);
      expect(ids[0]).toBe('eric-garcetti');
      expect(ids[3]).toBe('department-of-justice');
      expect(data.p.edges).toHaveLength(3);
      data.p.edges.forEach((edge: { from: string; to: string }, i: number) => {
        expect([edge.from, edge.to].sort()).toEqual([ids[i], ids[i + 1]].sort());
      });
      expect(data.tooShort).toBeNull();
      expect(data.self).toEqual({ nodes: [{ id: 'eric-garcetti' }], edges: [] });
      expect(data.unknown).toBeNull();
    });
  });
});
