import { fuzzyQuery } from '../src/compiler/arguments/lucene';

/**
 * The benchmark's queries, each in three implementations over the same database: this service's API, the
 * @neo4j/graphql schema of bench/neo4j-graphql-server.ts, and hand-written Cypher sent through neo4j-driver.
 * The three ask for the same data as far as each can express it; the differences are listed in `note`.
 */

export interface QueryParams {
  /** The entity named by actionBy / by. */
  actionBy: string;
  timelineId: string;
  neighborhoodId: string;
  pathFrom: string;
  pathTo: string;
  nestedEventId: string;
  searchText: string;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface BenchQuery {
  name: string;
  ours: GraphQLRequest;
  neo4jGraphql: GraphQLRequest;
  raw: { cypher: string; params: Record<string, unknown> };
  note?: string;
}

const FACTS = 'HOLDS_ROLE|PART_OF|SERVES|INITIATED|TARGETS|CONCERNS|OPPOSED|SUPPORTED|COOPERATED_WITH';

const byActor = (name: string) => ({
  OR: [{ name: { eq: name } }, { roles: { some: { name: { eq: name } } } }],
});

function neighborhood(depth: 1 | 2 | 3, p: QueryParams): BenchQuery {
  return {
    name: `neighborhood d${depth}`,
    ours: {
      query: `query($id: ID!) { neighborhood(id: $id, depth: ${depth}, first: 100) {
        nodes { id name } edges { type from to evidence { quote } } } }`,
      variables: { id: p.neighborhoodId },
    },
    neo4jGraphql: {
      query: `query($id: ID!) { neighborhood${depth}(id: $id, first: 99) { id name } }`,
      variables: { id: p.neighborhoodId },
    },
    raw: {
      cypher: `MATCH (c:Entity {id: $id})
        OPTIONAL MATCH p = (c)-[:${FACTS}*1..${depth}]-(n:Entity) WHERE n <> c
        WITH c, n, min(length(p)) AS hops ORDER BY hops, n.name, n.id
        WITH c, collect(n)[0..99] AS near
        WITH [c] + near AS nodes
        CALL (nodes) {
          UNWIND nodes AS a MATCH (a)-[r:${FACTS}]->(b:Entity) WHERE b IN nodes
          RETURN collect({type: type(r), from: a.id, to: b.id, quotes: r.evidenceQuotes}) AS edges
        }
        RETURN [n IN nodes | {id: n.id, name: n.name}] AS nodes, edges`,
      params: { id: p.neighborhoodId },
    },
    note: '@neo4j/graphql: a @cypher field returning the nodes only (no variable-length traversal in its API)',
  };
}

export function benchQueries(p: QueryParams): BenchQuery[] {
  const lucene = fuzzyQuery(p.searchText) ?? p.searchText;
  return [
    {
      // One node by its unique id: what each layer costs on top of the smallest possible statement.
      name: 'lookup by id',
      ours: {
        query: 'query($id: ID!) { entity(id: $id) { id name } }',
        variables: { id: p.timelineId },
      },
      neo4jGraphql: {
        query: 'query($id: ID!) { entities(where: { id: { eq: $id } }) { id name } }',
        variables: { id: p.timelineId },
      },
      raw: {
        cypher: 'MATCH (n:Entity {id: $id}) RETURN n.id AS id, n.name AS name',
        params: { id: p.timelineId },
      },
    },
    {
      name: 'search',
      ours: {
        query: 'query($text: String!) { search(text: $text, first: 10) { __typename id name aliases } }',
        variables: { text: p.searchText },
      },
      neo4jGraphql: {
        query: 'query($text: String!) { search(text: $text, first: 10) { id name aliases } }',
        variables: { text: lucene },
      },
      raw: {
        cypher: `CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 10}) YIELD node, score
          RETURN node.id AS id, node.name AS name, node.aliases AS aliases, labels(node) AS labels
          ORDER BY score DESC`,
        params: { q: lucene },
      },
      note: '@neo4j/graphql and raw get the same Lucene query string the service builds',
    },
    {
      name: 'stances OPPOSED by DOJ',
      ours: {
        query: `query($by: String!) { stances(kind: OPPOSED, actionBy: $by, first: 50) {
          actor { id name } target { id name ... on Event { date } } evidence { quote article { id } } } }`,
        variables: { by: p.actionBy },
      },
      neo4jGraphql: {
        query: `query($where: EventWhere) { events(where: $where, sort: [{ date: ASC }], limit: 50) {
          id name date
          opposedByConnection(first: 50) { edges { properties { evidenceQuotes evidenceArticles } node { id name } } } } }`,
        variables: { where: { initiatedBy: { some: byActor(p.actionBy) } } },
      },
      raw: {
        // From DOJ to its events and its role holders' events, then their opposers: the cheapest shape.
        cypher: `MATCH (doj:Entity {name: $by})
          CALL (doj) {
            MATCH (doj)-[:INITIATED]->(event:Event) RETURN event
            UNION
            MATCH (doj)<-[:HOLDS_ROLE]-(:Entity)-[:INITIATED]->(event:Event) RETURN event
          }
          MATCH (actor:Entity)-[s:OPPOSED]->(event)
          WITH actor, event, s ORDER BY event.date, actor.name LIMIT 50
          RETURN actor.id AS actorId, actor.name AS actor, event.id AS eventId, event.name AS event,
                 event.date AS date, s.evidenceQuotes AS quotes, s.evidenceArticles AS articles`,
        params: { by: p.actionBy },
      },
      note: '@neo4j/graphql: events initiated by DOJ or its role holders (50), each with up to 50 opposers',
    },
    {
      name: 'events filtered',
      ours: {
        query: `query($by: String!) { events(by: $by, from: "2017", to: "2017", first: 50) {
          id date name initiatedBy { entity { name } } } }`,
        variables: { by: p.actionBy },
      },
      neo4jGraphql: {
        query: `query($where: EventWhere) { events(where: $where, sort: [{ date: ASC }, { name: ASC }], limit: 50) {
          id date name initiatedBy(limit: 10) { name } } }`,
        variables: {
          where: { date: { gte: '2017', lt: '2018' }, initiatedBy: { some: byActor(p.actionBy) } },
        },
      },
      raw: {
        cypher: `MATCH (doj:Entity {name: $by})
          MATCH (e:Event)<-[:INITIATED]-(i)
          WHERE e.date >= '2017' AND e.date < '2018' AND (i = doj OR (i)-[:HOLDS_ROLE]->(doj))
          WITH DISTINCT e ORDER BY e.date, e.name LIMIT 50
          RETURN e.id AS id, e.date AS date, e.name AS name, [(a)-[:INITIATED]->(e) | a.name][..10] AS by`,
        params: { by: p.actionBy },
      },
    },
    {
      name: 'timeline',
      ours: {
        query: 'query($id: ID!) { timeline(id: $id, first: 100) { id date name eventType } }',
        variables: { id: p.timelineId },
      },
      neo4jGraphql: {
        query: `query($where: EventWhere) { events(where: $where, sort: [{ date: ASC }, { name: ASC }], limit: 100) {
          id date name eventType } }`,
        variables: {
          where: {
            OR: [
              { initiatedBy: { some: { id: { eq: p.timelineId } } } },
              { opposedBy: { some: { id: { eq: p.timelineId } } } },
              { supportedBy: { some: { id: { eq: p.timelineId } } } },
              { targets: { some: { id: { eq: p.timelineId } } } },
              { concerns: { some: { id: { eq: p.timelineId } } } },
            ],
          },
        },
      },
      raw: {
        cypher: `CALL {
            MATCH (:Entity {id: $id})-[:INITIATED|OPPOSED|SUPPORTED]->(e:Event) RETURN e
            UNION
            MATCH (:Entity {id: $id})<-[:TARGETS|CONCERNS]-(e:Event) RETURN e
          }
          WITH e ORDER BY e.date, e.name, e.id LIMIT 100
          RETURN e.id AS id, e.date AS date, e.name AS name, e.eventType AS eventType`,
        params: { id: p.timelineId },
      },
    },
    neighborhood(1, p),
    neighborhood(2, p),
    neighborhood(3, p),
    {
      name: 'path',
      ours: {
        query: `query($from: ID!, $to: ID!) { path(from: $from, to: $to) {
          nodes { id name } edges { type from to evidence { quote } } } }`,
        variables: { from: p.pathFrom, to: p.pathTo },
      },
      neo4jGraphql: {
        query: 'query($from: ID!, $to: ID!) { path(from: $from, to: $to) { id name } }',
        variables: { from: p.pathFrom, to: p.pathTo },
      },
      raw: {
        cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
          MATCH p = shortestPath((a)-[:${FACTS}*..4]-(b))
          RETURN [n IN nodes(p) | {id: n.id, name: n.name}] AS nodes,
                 [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                                           quotes: r.evidenceQuotes}] AS edges`,
        params: { from: p.pathFrom, to: p.pathTo },
      },
      note: '@neo4j/graphql: a @cypher field returning the nodes of the path only',
    },
    {
      name: 'nested 3-level',
      ours: {
        query: `query($id: ID!) { entity(id: $id) { name ... on Event { date opposedBy(first: 10) {
          actor { name ... on Person { roles(first: 10) { title organization { name } evidence { quote } } } }
          evidence { quote article { id } } } } } }`,
        variables: { id: p.nestedEventId },
      },
      neo4jGraphql: {
        query: `query($id: ID!) { events(where: { id: { eq: $id } }) { name date
          opposedByConnection(first: 10, sort: [{ node: { name: ASC } }]) { edges { properties { evidenceQuotes evidenceArticles }
            node { name rolesConnection(first: 10, sort: [{ edge: { title: ASC } }]) {
              edges { properties { title evidenceQuotes } node { name } } } } } } } }`,
        variables: { id: p.nestedEventId },
      },
      raw: {
        cypher: `MATCH (e:Event {id: $id})
          RETURN e.name AS name, e.date AS date, COLLECT {
            MATCH (a:Entity)-[s:OPPOSED]->(e)
            WITH a, s ORDER BY a.name LIMIT 10
            RETURN {name: a.name, quotes: s.evidenceQuotes, articles: s.evidenceArticles,
                    roles: COLLECT { MATCH (a)-[r:HOLDS_ROLE]->(o:Entity) WITH r, o ORDER BY r.title LIMIT 10
                                     RETURN {title: r.title, org: o.name, quotes: r.evidenceQuotes} }}
          } AS opposedBy`,
        params: { id: p.nestedEventId },
      },
    },
  ];
}
