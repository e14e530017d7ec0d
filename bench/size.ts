import type { Database } from '../src/core/database';
import { log } from './log';
import { loadAverage } from './machine';
import { rssMb } from './measure';
import { measureQuery } from './measure-query';
import type { Options } from './options';
import { type Conn, runLoad, startNeo4jGraphql, startOurs } from './processes';
import { benchQueries, type QueryParams } from './queries';
import type { SizeResult } from './results';
import { wipe, waitForQuiet } from './wipe';

/** The ids and names the queries ask for at a size: the seed corpus's own, or the generator's hubs. */
export async function paramsFor(size: string, db: Database): Promise<QueryParams> {
  const base = {
    actionBy: 'Department of Justice',
    timelineId: 'jeff-sessions',
    searchText: 'justice',
    pathTo: 'jeff-sessions',
  };
  if (size === 'seed') {
    return {
      ...base,
      timelineId: 'eric-garcetti',
      neighborhoodId: 'eric-garcetti',
      pathFrom: 'eric-garcetti',
      nestedEventId: 'sessions-subpoena-threat-2018-01-24',
    };
  }
  // The most contested event (the generator makes event-0 the hub of stances).
  const [row] = await db.read<{ id: string }>(
    'MATCH (e:Event)<-[:OPPOSED]-() WITH e, count(*) AS n ORDER BY n DESC, e.id LIMIT 1 RETURN e.id AS id',
  );
  return {
    ...base,
    neighborhoodId: 'person-200',
    pathFrom: 'person-200',
    nestedEventId: row?.id ?? 'event-0',
  };
}

/**
 * One size: wipes the graph, loads it, starts this service and the @neo4j/graphql server on it, and measures
 * every query in the three implementations (bench/measure-query.ts), with the API's and Neo4j's memory idle
 * and under load.
 */
export async function benchSize(
  size: string,
  conn: Conn,
  db: Database,
  neo4jPid: number | null,
  options: Options,
): Promise<SizeResult> {
  log(`size ${size}: wiping the graph`);
  await wipe(db);
  const result: SizeResult = {
    size,
    load: null,
    loadError: null,
    params: undefined as unknown as QueryParams,
    queries: [],
    rss: { apiIdleMb: null, apiLoadMb: null, neo4jIdleMb: null, neo4jLoadMb: null },
  };
  log(`size ${size}: loading`);
  try {
    result.load = await runLoad(size, conn, options.loadTimeoutMs);
    const l = result.load;
    log(
      `size ${size}: ${l.factRels} fact rels, ${l.mentionRels} mentions, ${l.articles} articles in ${(l.loadMs / 1000).toFixed(1)} s` +
        (l.plain ? `; plain UNWIND ${l.plain.relsCreated} rels in ${(l.plain.ms / 1000).toFixed(1)} s` : ''),
    );
  } catch (err) {
    result.loadError = (err as Error).message;
    log(`size ${size}: load failed: ${result.loadError}`);
    return result;
  }
  result.params = await paramsFor(size, db);
  const ours = await startOurs(conn);
  const neo4jGraphql = await startNeo4jGraphql(conn);
  try {
    result.rss.apiIdleMb = rssMb(ours.child.pid!);
    result.rss.neo4jIdleMb = neo4jPid ? rssMb(neo4jPid) : null;
    const sampleRss = () => {
      const a = rssMb(ours.child.pid!);
      const n = neo4jPid ? rssMb(neo4jPid) : null;
      if (a !== null) result.rss.apiLoadMb = Math.max(result.rss.apiLoadMb ?? 0, a);
      if (n !== null) result.rss.neo4jLoadMb = Math.max(result.rss.neo4jLoadMb ?? 0, n);
    };
    const loadAtStart = loadAverage();
    for (const query of benchQueries(result.params)) {
      await waitForQuiet(db);
      result.queries.push(
        await measureQuery(query, { ours, neo4jGraphql }, db, options, sampleRss, (msg) =>
          log(`size ${size}: ${query.name}: ${msg}`),
        ),
      );
    }
    result.loadAverage = { start: loadAtStart, end: loadAverage() };
  } finally {
    await ours.stop();
    await neo4jGraphql.stop();
  }
  return result;
}
