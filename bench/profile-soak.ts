import 'reflect-metadata';
import { parse } from 'graphql';
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { ingestPaths, loadArticles, type PreparedArticle } from '../ingest/pipeline';
import { compileDocument } from '../src/compiler/compile-operation';
import { createDriver } from '../src/core/database';
import { silentProgress } from '../src/core/progress';
import { buildGraphSchema } from '../src/graphql';
import { openBenchDatabase } from './database';
import { generateArticles, parseSize } from './generate';
import { loadAll } from './load';
import { log } from './log';
import { cpuMs } from './measure';
import { type Conn, startOurs } from './processes';
import { paramsFor } from './size';
import { renamed } from './soak-ingest';
import { soakQueries } from './soak-queries';
import { wipe } from './wipe';

/**
 * What the soak's statements cost in Neo4j: compiles each request of the soak's mix (bench/soak-queries.ts)
 * as the service does, PROFILEs it (db hits, rows, the operator with the most db hits) and times it.
 *
 * node dist/bench/profile-soak.js [--size=100k] [--no-load] [--grow=ARTICLES] [--print] [--plans] [--only=NAME] [--runs=5]
 *                                  [--service=REQUESTS] [--neo4j-pid=PID]
 *
 * A throw-away Neo4j unless NEO4J_URI is set (with BENCH_WIPE_DATABASE=yes, as every bench run). --no-load
 * profiles the graph already in NEO4J_URI's database. --grow then loads that many of the soak ingest's
 * articles (500 facts each, the same hubs) and profiles again: the graph as the soak's ingest grows it.
 * --service=N then starts the service (production mode) on the same database and sends each request of the
 * mix N times, one at a time, after a warm-up: the CPU the service's process and Neo4j's (the run's own, or
 * --neo4j-pid for NEO4J_URI's server on this machine) used per request, from /proc. That is what a closed
 * loop on a few cores pays for each request, the JavaScript side included.
 */

interface Options {
  size: string;
  load: boolean;
  grow: number;
  print: boolean;
  plans: boolean;
  /** Only the query of the mix with this name. */
  only: string | null;
  runs: number;
  /** Requests of each query sent through the service to measure its CPU per request; 0 for none. */
  service: number;
  /** NEO4J_URI's server process on this machine, for its CPU under --service. */
  neo4jPid: number | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    size: '100k',
    load: true,
    grow: 0,
    print: false,
    plans: false,
    only: null,
    runs: 5,
    service: 0,
    neo4jPid: null,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split('=', 2);
    if (flag === '--size' && value) options.size = value;
    else if (flag === '--no-load') options.load = false;
    else if (flag === '--grow' && value) options.grow = Number(value);
    else if (flag === '--print') options.print = true;
    else if (flag === '--plans') options.plans = true;
    else if (flag === '--only' && value) options.only = value;
    else if (flag === '--runs' && value) options.runs = Number(value);
    else if (flag === '--service' && value) options.service = Number(value);
    else if (flag === '--neo4j-pid' && value) options.neo4jPid = Number(value);
    else throw new Error(`profile-soak: unknown argument ${arg}`);
  }
  return options;
}

interface Profile {
  dbHits: number;
  rows: number;
  /** The operator with the most db hits of its own, and how many. */
  top: string;
  /** The plan as an indented tree: operator, db hits, rows, details. */
  tree: string;
}

function profileOf(plan: ProfiledPlan): Profile {
  let dbHits = 0;
  let top = { name: '', hits: -1 };
  const lines: string[] = [];
  const walk = (p: ProfiledPlan, depth = 0): void => {
    dbHits += p.dbHits;
    const details = String((p.arguments as Record<string, unknown>).Details ?? '').slice(0, 140);
    lines.push(
      `${'  '.repeat(depth)}${p.operatorType.replace(/@neo4j$/, '')} hits=${p.dbHits} rows=${p.rows} ${details}`,
    );
    if (p.dbHits > top.hits) top = { name: p.operatorType.replace(/@neo4j$/, ''), hits: p.dbHits };
    p.children.forEach((c) => walk(c, depth + 1));
  };
  walk(plan);
  return { dbHits, rows: plan.rows, top: `${top.name} ${top.hits}`, tree: lines.join('\n') };
}

async function measure(driver: Driver, cypher: string, params: Record<string, unknown>, runs: number) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    // Once to plan, then the profile, then the timed runs (without PROFILE's own overhead).
    await session.run(cypher, params);
    const profiled = await session.run(`PROFILE ${cypher}`, params);
    const profile = profileOf(profiled.summary.profile as ProfiledPlan);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      await session.run(cypher, params);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      ...profile,
      medianMs: times[Math.floor(times.length / 2)]!,
      answer: JSON.stringify(profiled.records[0]?.get('data')),
    };
  } finally {
    await session.close();
  }
}

async function profileMix(
  driver: Driver,
  params: Awaited<ReturnType<typeof paramsFor>>,
  options: Options,
  label: string,
) {
  const schema = await buildGraphSchema();
  log(`${label}:`);
  for (const q of soakQueries(params)) {
    if (options.only && q.name !== options.only) continue;
    const compiled = compileDocument(schema, parse(q.request.query), q.request.variables);
    if (!compiled.statement) throw new Error(`${q.name}: no statement compiled`);
    const { cypher, params: statementParams } = compiled.statement;
    if (options.print) log(`--- ${q.name}\n${cypher}\n${JSON.stringify(statementParams)}`);
    const m = await measure(driver, cypher, statementParams, options.runs);
    log(
      `${q.name.padEnd(16)} db hits ${String(m.dbHits).padStart(9)}  rows ${String(m.rows).padStart(4)}  ` +
        `median ${m.medianMs.toFixed(0).padStart(5)} ms  top ${m.top}  answer ${m.answer.length} chars #${hash(m.answer)}`,
    );
    if (options.plans) log(m.tree);
  }
}

/**
 * The CPU one request of each query of the mix costs the service's process and Neo4j's (null when Neo4j is
 * not this run's child): `requests` sent one at a time after a warm-up of 20, the processes' CPU time
 * before and after divided by the count.
 */
async function serviceCpu(
  conn: Conn,
  neo4jPid: number | null,
  params: Awaited<ReturnType<typeof paramsFor>>,
  options: Options,
): Promise<void> {
  const server = await startOurs(conn);
  try {
    for (const q of soakQueries(params)) {
      if (options.only && q.name !== options.only) continue;
      const send = async (): Promise<void> => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(q.request),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || body.errors)
          throw new Error(`${q.name}: HTTP ${response.status}, ${JSON.stringify(body).slice(0, 300)}`);
      };
      for (let i = 0; i < 20; i += 1) await send();
      const pid = server.child.pid!;
      const [service0, neo4j0, t0] = [cpuMs(pid), neo4jPid === null ? null : cpuMs(neo4jPid), performance.now()];
      for (let i = 0; i < options.service; i += 1) await send();
      const [service1, neo4j1, t1] = [cpuMs(pid), neo4jPid === null ? null : cpuMs(neo4jPid), performance.now()];
      const per = (a: number | null, b: number | null): string =>
        a === null || b === null ? '   n/a' : ((b - a) / options.service).toFixed(1).padStart(6);
      log(
        `${q.name.padEnd(16)} per request: wall ${((t1 - t0) / options.service).toFixed(1).padStart(6)} ms, ` +
          `CPU service ${per(service0, service1)} ms, Neo4j ${per(neo4j0, neo4j1)} ms (${options.service} requests)`,
      );
    }
  } finally {
    await server.stop();
  }
}

/** A short digest of an answer, to see that a change kept it. */
function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { conn, db, neo4jPid, close } = await openBenchDatabase();
  const driver = createDriver(conn);
  try {
    if (options.load) {
      await wipe(db);
      log('loading the seed corpus');
      await ingestPaths(db, [], { progress: silentProgress });
      const facts = parseSize(options.size);
      log(`loading the ${options.size} synthetic graph`);
      if (facts !== null) await loadAll(db, facts);
    }
    const params = await paramsFor(options.size, db);
    await profileMix(driver, params, options, `the ${options.size} graph`);
    if (options.grow > 0) {
      log(`loading ${options.grow} of the soak ingest's articles`);
      const source = generateArticles({ facts: options.grow * 500, factsPerArticle: 500, seed: 1013 });
      let group: PreparedArticle[] = [];
      for (const article of source) {
        group.push(renamed(article));
        if (group.length === 10) {
          await loadArticles(db, group);
          group = [];
        }
      }
      if (group.length > 0) await loadArticles(db, group);
      await profileMix(driver, params, options, `after ${options.grow} ingested articles`);
    }
    if (options.service > 0) {
      log(`the service's and Neo4j's CPU per request, ${options.service} requests of each query:`);
      await serviceCpu(conn, neo4jPid ?? options.neo4jPid, params, options);
    }
  } finally {
    await driver.close();
    await close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`profile-soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
