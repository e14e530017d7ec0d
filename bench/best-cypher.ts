import { ENTITY_NAMES_INDEX, FACT_TYPES } from '../src/core/vocabulary';
import { EVENT_WEIGHT, EXACT_MATCH_BOOST } from '../src/compiler/fields/search';
import { LIMITS } from '../src/compiler/arguments/limits';

/**
 * The best hand-written Cypher for the rows where @neo4j/graphql's generated queries cannot do the same work
 * as the service: the raw floor sends these through the driver, and the @neo4j/graphql server serves the
 * same text as `@cypher` fields, which is how a skilled user of that library writes a traversal. Each does
 * what the service's compiled statement does (same page sizes, same ranking rule, same edges, the same
 * entity resolution), and every value is a parameter ($id, $first, ...; @cypher fields get their arguments
 * under those names). Limits go through toInteger(): a JavaScript number reaches Neo4j as a float.
 */

const FACTS = FACT_TYPES.join('|');

/** Binds `refs` to the entities `$by` names: by id, or by name or alias ignoring case (full-text phrase `$phrase`). */
const ENTITY_REFS = `CALL {
  CALL {
    MATCH (x:Entity {id: $by}) RETURN x
    UNION
    CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $phrase) YIELD node AS x
    WHERE toLower(x.name) = toLower($by) OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($by))
    RETURN x
  }
  RETURN collect(DISTINCT x) AS refs
}`;

/** Binds `event` to the events the refs or their role holders initiated (from the refs, never a scan). */
const EVENTS_BY_REFS = `CALL (refs) {
  UNWIND refs AS by MATCH (by)-[:INITIATED]->(event:Event) RETURN event
  UNION
  UNWIND refs AS by MATCH (by)<-[:HOLDS_ROLE]-(:Entity)-[:INITIATED]->(event:Event) RETURN event
}`;

/**
 * search: Lucene's top candidates re-ranked (whole-name matches first, events weighted down), as the service;
 * binds `node` (the peer returns it, raw projects it).
 */
export const SEARCH_ROWS = `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $query, {limit: ${LIMITS.searchCandidates}}) YIELD node, score
WITH node, score
  * CASE WHEN toLower(node.name) = toLower($text) OR any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = toLower($text)) THEN ${EXACT_MATCH_BOOST.toFixed(1)} ELSE 1.0 END
  * CASE WHEN node:Event THEN ${EVENT_WEIGHT.toFixed(1)} ELSE 1.0 END AS rank
ORDER BY rank DESC, node.name, node.id LIMIT toInteger($first)`;

/**
 * stances(OPPOSED, actionBy): one row per stance on the events the refs or their role holders initiated,
 * by event date, then actor. Only the earliest events that can fill the page are kept (the same cut as the
 * service's: the date of the first-th event with a stance), so a hub's thousands of events are not all
 * expanded. Returns maps: the peer declares them as a type without @node.
 */
export const STANCES = `${ENTITY_REFS}
${EVENTS_BY_REFS}
WITH event ORDER BY event.date
WITH collect(event) AS events
CALL (events) {
  UNWIND events AS candidate
  WITH candidate WHERE EXISTS { MATCH (:Entity)-[:OPPOSED]->(candidate) }
  WITH candidate.date AS date LIMIT toInteger($first)
  RETURN count(*) AS found, count(date) AS dated, max(date) AS latest
}
WITH events, CASE WHEN found = toInteger($first) AND dated = toInteger($first) THEN latest END AS cut
UNWIND events AS event
WITH event WHERE cut IS NULL OR event.date <= cut
MATCH (actor:Entity)-[s:OPPOSED]->(event)
WITH actor, event, coalesce(s.key, elementId(s)) AS fact, collect(s) AS facts
WITH actor, event, facts ORDER BY event.date, actor.name, actor.id, event.name, event.id LIMIT toInteger($first)
RETURN {actorId: actor.id, actorName: actor.name, eventId: event.id, eventName: event.name, date: event.date,
        quotes: reduce(q = [], r IN facts | q + coalesce(r.evidenceQuotes, [])),
        articles: reduce(a = [], r IN facts | a + coalesce(r.evidenceArticles, []))} AS stance`;

/** events(by, from: year, to: year): the window's events initiated by the refs or their role holders, by date. */
export const EVENTS_FILTERED = `${ENTITY_REFS}
${EVENTS_BY_REFS}
WITH event WHERE event.date >= $year AND event.date <= $last
  AND CASE size(event.date) WHEN 4 THEN event.date + '-12-31' WHEN 7 THEN event.date + '-31' ELSE event.date END >= $firstDay
  AND CASE size(event.date) WHEN 4 THEN event.date + '-01-01' WHEN 7 THEN event.date + '-01' ELSE event.date END <= $last
WITH event ORDER BY event.date, event.name, event.id LIMIT toInteger($first)
RETURN event.id AS id, event.date AS date, event.name AS name,
       COLLECT { MATCH (a:Entity)-[:INITIATED]->(event) WITH DISTINCT a ORDER BY a.name, a.id LIMIT 10 RETURN a.name } AS by`;

/**
 * timeline(id): the events the entity initiated, was targeted by or took a stance on, and its parts' and role
 * holders' acts, by date; binds `event`.
 */
export const TIMELINE_ROWS = `CALL {
  MATCH (:Entity {id: $id})-[:INITIATED|OPPOSED|SUPPORTED]->(event:Event) RETURN event
  UNION
  MATCH (:Entity {id: $id})<-[:TARGETS|CONCERNS]-(event:Event) RETURN event
  UNION
  MATCH (:Entity {id: $id})<-[:PART_OF|HOLDS_ROLE]-(:Entity)-[:INITIATED]->(event:Event) RETURN event
}
WITH event ORDER BY event.date, event.name, event.id LIMIT toInteger($first)`;

/** One breadth-first ring: the unseen entities one hop past the frontier, by name, while fewer than first-1 are kept. */
function ring(hop: number): string {
  const [seen, frontier, near] = [`seen${hop - 1}`, `frontier${hop - 1}`, `near${hop - 1}`];
  return `CALL (${seen}, ${frontier}, ${near}) {
  WITH ${seen}, ${frontier}, ${near} WHERE size(${near}) < toInteger($first) - 1
  UNWIND ${frontier} AS from
  MATCH (from)-[:${FACTS}]-(found:Entity)
  WHERE NOT found IN ${seen}
  WITH DISTINCT found ORDER BY found.name, found.id LIMIT toInteger($first) - 1
  RETURN collect(found) AS ring${hop}
}
WITH start, ${seen} + ring${hop} AS seen${hop}, ring${hop} AS frontier${hop},
     ${near} + ring${hop}[0..toInteger($first) - 1 - size(${near})] AS near${hop}`;
}

/**
 * neighborhood(id, depth, first): the entity and up to first-1 entities within depth hops, nearest first then
 * by name, found ring by ring (a hub's ring fills the page and the walk stops), and every fact among them
 * (one edge per fact, its quotes). The same walk as the service's; a variable-length pattern would expand
 * every path of the whole depth.
 */
export function neighborhood(depth: number): string {
  const rings = Array.from({ length: depth }, (_, i) => ring(i + 1)).join('\n');
  return `OPTIONAL MATCH (center:Entity {id: $id})
WITH CASE WHEN center IS NULL THEN [] ELSE [center] END AS start
WITH start, start AS seen0, start AS frontier0, [] AS near0
${rings}
WITH start + near${depth} AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${FACTS}]->(b:Entity) WHERE b IN nodes
  WITH a, b, type(r) AS type, coalesce(r.key, elementId(r)) AS fact, collect(r) AS facts
  RETURN collect({type: type, from: a.id, to: b.id, quotes: reduce(q = [], x IN facts | q + coalesce(x.evidenceQuotes, []))}) AS edges
}
RETURN {nodes: [n IN nodes | {id: n.id, name: n.name}], edges: edges} AS subgraph`;
}

/**
 * path(from, to): of up to 1,000 shortest paths within 4 hops, the one through the most events, then the most
 * evidence quotes, then the first by node ids: the service's rule, so every side returns the same path.
 */
export const PATH = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${FACTS}*1..4]-(b))
WITH p LIMIT ${LIMITS.maxPathCandidates}
WITH p, size([n IN nodes(p) WHERE n:Event]) AS events,
     reduce(s = 0, r IN relationships(p) | s + size(coalesce(r.evidenceQuotes, []))) AS support
ORDER BY events DESC, support DESC, [n IN nodes(p) | n.id]
LIMIT 1
RETURN {nodes: [n IN nodes(p) | {id: n.id, name: n.name}],
        edges: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                                         quotes: coalesce(r.evidenceQuotes, [])}]} AS subgraph`;
