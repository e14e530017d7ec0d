import { fuzzyQuery, phraseQuery } from '../src/compiler/arguments/lucene';
import * as best from './best-cypher';
import { edgeKeys, type Normalized } from './equivalence';
import type { Impl } from './impls';

/**
 * The benchmark's queries, each in three implementations over the same database and asking for the same
 * work: this service's API, the @neo4j/graphql schema of bench/neo4j-graphql-server.ts (its generated
 * queries where they can do the work, else `@cypher` fields with bench/best-cypher.ts), and hand-written
 * Cypher through neo4j-driver. Each query says how each answer reduces to the equivalence gate's normal
 * form (bench/equivalence.ts); `note` says where the sides still differ.
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

/** Reduces one implementation's answer (GraphQL `data`, or the raw statement's rows) to the normal form. */
export type Normalizer = (answer: unknown) => Normalized;

export interface BenchQuery {
  name: string;
  ours: GraphQLRequest;
  neo4jGraphql: GraphQLRequest;
  raw: { cypher: string; params: Record<string, unknown> };
  normalize: Record<Impl, Normalizer>;
  note?: string;
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.map(obj) : []);
const str = (x: unknown): string => (x === null || x === undefined ? '∅' : String(x));
const count = (x: unknown): number => (Array.isArray(x) ? x.length : 0);

/** Ids in order, no edges: the normal form of a list of nodes. */
const ids = (rows: Obj[]): Normalized => ({ items: rows.map((r) => str(r.id)), edges: [] });

/** A subgraph (nodes in order; edges as type:from>to#quotes, unordered) from any side's shape. */
function subgraph(nodes: Obj[], edges: Obj[], quotes: (e: Obj) => number): Normalized {
  return {
    items: nodes.map((n) => str(n.id)),
    edges: edgeKeys(edges.map((e) => `${str(e.type)}:${str(e.from)}>${str(e.to)}#${quotes(e)}`)),
  };
}
const subgraphOf = (x: unknown, quotes: (e: Obj) => number): Normalized =>
  subgraph(list(obj(x).nodes), list(obj(x).edges), quotes);
const evidenceCount = (e: Obj) => count(e.evidence);
const quoteCount = (e: Obj) => count(e.quotes);

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
      query: `query($id: ID!) { neighborhood${depth}(id: $id, first: 100) {
        nodes { id name } edges { type from to quotes } } }`,
      variables: { id: p.neighborhoodId },
    },
    raw: { cypher: best.neighborhood(depth), params: { id: p.neighborhoodId, first: 100 } },
    normalize: {
      ours: (d) => subgraphOf(obj(d).neighborhood, evidenceCount),
      neo4jGraphql: (d) => subgraphOf(obj(d)[`neighborhood${depth}`], quoteCount),
      raw: (rows) => subgraphOf(list(rows)[0]?.subgraph, quoteCount),
    },
    note: '@neo4j/graphql: a @cypher field returning nodes and edges (the same ring-by-ring walk as raw and the service)',
  };
}

/** The queries at one size, with the ids and names `p` of that graph. */
export function benchQueries(p: QueryParams): BenchQuery[] {
  const lucene = fuzzyQuery(p.searchText) ?? p.searchText;
  const phrase = phraseQuery(p.actionBy) ?? p.actionBy;
  const stanceKey = (actor: unknown, event: unknown, quotes: number) => `${str(actor)}>${str(event)}#${quotes}`;
  const eventKey = (id: unknown, initiators: number) => `${str(id)}#${initiators}`;
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
      normalize: {
        ours: (d) => ids([obj(obj(d).entity)]),
        neo4jGraphql: (d) => ids(list(obj(d).entities)),
        raw: (rows) => ids(list(rows)),
      },
    },
    {
      name: 'search',
      ours: {
        query: 'query($text: String!) { search(text: $text, first: 10) { __typename id name aliases } }',
        variables: { text: p.searchText },
      },
      neo4jGraphql: {
        query: `query($text: String!, $query: String!) { search(text: $text, query: $query, first: 10) {
          id name aliases } }`,
        variables: { text: p.searchText, query: lucene },
      },
      raw: {
        cypher: `${best.SEARCH_ROWS}\nRETURN node {.id, .name, .aliases, labels: labels(node)} AS node`,
        params: { text: p.searchText, query: lucene, first: 10 },
      },
      normalize: {
        ours: (d) => ids(list(obj(d).search)),
        neo4jGraphql: (d) => ids(list(obj(d).search)),
        raw: (rows) => ids(list(rows).map((r) => obj(r.node))),
      },
      note: 'all three re-rank the top 500 of the full-text index by the service rule; @neo4j/graphql and raw get the Lucene string the service builds from the text',
    },
    {
      name: 'stances OPPOSED by DOJ',
      ours: {
        query: `query($by: String!) { stances(kind: OPPOSED, actionBy: $by, first: 50) {
          actor { id name } target { id name ... on Event { date } } evidence { quote article { id } } } }`,
        variables: { by: p.actionBy },
      },
      neo4jGraphql: {
        query: `query($by: String!, $phrase: String!) { stances(by: $by, phrase: $phrase, first: 50) {
          actorId actorName eventId eventName date quotes articles } }`,
        variables: { by: p.actionBy, phrase },
      },
      raw: { cypher: best.STANCES, params: { by: p.actionBy, phrase, first: 50 } },
      normalize: {
        ours: (d) => ({
          items: list(obj(d).stances).map((s) => stanceKey(obj(s.actor).id, obj(s.target).id, count(s.evidence))),
          edges: [],
        }),
        neo4jGraphql: (d) => ({
          items: list(obj(d).stances).map((s) => stanceKey(s.actorId, s.eventId, count(s.quotes))),
          edges: [],
        }),
        raw: (rows) => ({
          items: list(rows)
            .map((r) => obj(r.stance))
            .map((s) => stanceKey(s.actorId, s.eventId, count(s.quotes))),
          edges: [],
        }),
      },
      note: '@neo4j/graphql: a @cypher field returning 50 flat stances (a type without @node), the statement raw runs',
    },
    {
      name: 'events filtered',
      ours: {
        query: `query($by: String!) { events(by: $by, from: "2017", to: "2017", first: 50) {
          id date name initiatedBy { entity { name } } } }`,
        variables: { by: p.actionBy },
      },
      neo4jGraphql: {
        query: `query($where: EventWhere) { events(where: $where, sort: [{ date: ASC }, { name: ASC }, { id: ASC }], limit: 50) {
          id date name initiatedBy(limit: 10, sort: [{ name: ASC }, { id: ASC }]) { name } } }`,
        variables: {
          where: { date: { gte: '2017', lte: '2017-12-31' }, initiatedBy: { some: byActor(p.actionBy) } },
        },
      },
      raw: {
        cypher: best.EVENTS_FILTERED,
        params: { by: p.actionBy, phrase, year: '2017', firstDay: '2017-01-01', last: '2017-12-31', first: 50 },
      },
      normalize: {
        ours: (d) => ({ items: list(obj(d).events).map((e) => eventKey(e.id, count(e.initiatedBy))), edges: [] }),
        neo4jGraphql: (d) => ({
          items: list(obj(d).events).map((e) => eventKey(e.id, count(e.initiatedBy))),
          edges: [],
        }),
        raw: (rows) => ({ items: list(rows).map((r) => eventKey(r.id, count(r.by))), edges: [] }),
      },
      note: '@neo4j/graphql: its generated filter (date range, initiated by the entity or one of its role holders, matched by exact name)',
    },
    {
      name: 'timeline',
      ours: {
        query: 'query($id: ID!) { timeline(id: $id, first: 100) { id date name eventType } }',
        variables: { id: p.timelineId },
      },
      neo4jGraphql: {
        query: 'query($id: ID!) { timeline(id: $id, first: 100) { id date name eventType } }',
        variables: { id: p.timelineId },
      },
      raw: {
        cypher: `${best.TIMELINE_ROWS}\nRETURN event {.id, .date, .name, .eventType} AS event`,
        params: { id: p.timelineId, first: 100 },
      },
      normalize: {
        ours: (d) => ids(list(obj(d).timeline)),
        neo4jGraphql: (d) => ids(list(obj(d).timeline)),
        raw: (rows) => ids(list(rows).map((r) => obj(r.event))),
      },
      note: "@neo4j/graphql: a @cypher field running the service's UNION statement (its generated five-way OR filter scans every event)",
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
        query: `query($from: ID!, $to: ID!) { path(from: $from, to: $to) {
          nodes { id name } edges { type from to quotes } } }`,
        variables: { from: p.pathFrom, to: p.pathTo },
      },
      raw: { cypher: best.PATH, params: { from: p.pathFrom, to: p.pathTo } },
      normalize: {
        ours: (d) => subgraphOf(obj(d).path, evidenceCount),
        neo4jGraphql: (d) => subgraphOf(obj(d).path, quoteCount),
        raw: (rows) => subgraphOf(list(rows)[0]?.subgraph, quoteCount),
      },
      note: "@neo4j/graphql: a @cypher field returning nodes and edges, ranking up to 1,000 shortest paths by the service's rule",
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
          opposedByConnection(first: 10, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) { edges { properties { evidenceQuotes evidenceArticles }
            node { name rolesConnection(first: 10, sort: [{ edge: { start: ASC } }, { edge: { title: ASC } }, { node: { name: ASC } }]) {
              edges { properties { title evidenceQuotes } node { name } } } } } } } }`,
        variables: { id: p.nestedEventId },
      },
      raw: {
        cypher: `MATCH (e:Entity {id: $id}) WHERE e:Event
          RETURN e.name AS name, e.date AS date, COLLECT {
            MATCH (a:Entity)-[s:OPPOSED]->(e)
            WITH a, s ORDER BY a.name, a.id LIMIT 10
            RETURN {name: a.name, quotes: s.evidenceQuotes, articles: s.evidenceArticles,
                    roles: COLLECT { MATCH (a:Person)-[r:HOLDS_ROLE]->(o:Entity)
                                     WITH r, o ORDER BY coalesce(r.start, ''), r.title, o.name, o.id LIMIT 10
                                     RETURN {title: r.title, org: o.name, quotes: r.evidenceQuotes} }}
          } AS opposedBy`,
        params: { id: p.nestedEventId },
      },
      normalize: {
        ours: (d) => ({
          items: list(obj(obj(d).entity).opposedBy).map(
            (s) =>
              `${str(obj(s.actor).name)}#${count(s.evidence)}|` +
              list(obj(s.actor).roles)
                .map((r) => `${str(r.title)}@${str(obj(r.organization).name)}#${count(r.evidence)}`)
                .join(','),
          ),
          edges: [],
        }),
        neo4jGraphql: (d) => {
          const event = list(obj(d).events)[0];
          const opposers = list(obj(obj(event).opposedByConnection).edges);
          return {
            items: opposers.map(
              (e) =>
                `${str(obj(e.node).name)}#${count(obj(e.properties).evidenceQuotes)}|` +
                list(obj(obj(e.node).rolesConnection).edges)
                  .map(
                    (r) =>
                      `${str(obj(r.properties).title)}@${str(obj(r.node).name)}#${count(obj(r.properties).evidenceQuotes)}`,
                  )
                  .join(','),
            ),
            edges: [],
          };
        },
        raw: (rows) => ({
          items: list(list(rows)[0]?.opposedBy).map(
            (s) =>
              `${str(s.name)}#${count(s.quotes)}|` +
              list(s.roles)
                .map((r) => `${str(r.title)}@${str(r.org)}#${count(r.quotes)}`)
                .join(','),
          ),
          edges: [],
        }),
      },
      note: '@neo4j/graphql: its generated connections, sorted as the service sorts (opposers by name; roles by start, title, organization)',
    },
  ];
}
