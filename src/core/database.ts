import { performance } from 'node:perf_hooks';
import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { Availability, type Verdict } from './availability';
import { DatabaseDownError, isUnavailable } from './database-errors';
import { namedQuery } from './named-queries';

/** Counts the statements a unit of work sends to Neo4j: the API reports it per request. */
export class RoundTripCounter {
  count = 0;
}

const READ_ATTEMPTS = 3;

/** Options of a Database: which database, how long a read may take, how long a health probe may take. */
export interface DatabaseOptions {
  database: string;
  queryTimeoutMs: number;
  /** Bound of the availability probe (RETURN 1); default DEFAULT_TIMEOUTS.readinessTimeoutMs. */
  readinessTimeoutMs?: number;
  /** How long a read waits for a database being warmed up; default DEFAULT_TIMEOUTS.acquisitionTimeoutMs. */
  acquisitionTimeoutMs?: number;
  /** Bound of the warm-up after an outage (EXPLAIN of the recent statements); 0 or unset: none. */
  warmUpTimeoutMs?: number;
  /** How many distinct recent read statements are kept for that warm-up; default 32. */
  warmUpStatements?: number;
  /** How many sessions the warm-up plans on side by side; default DEFAULT_RECOVERY.warmUpConcurrency. */
  warmUpConcurrency?: number;
  /** The gate opens once this many of the hottest statements are planned (0: all); the rest follow. */
  warmUpGateStatements?: number;
  /** EXPLAIN the statements (plan only) or run them (plan, execute, page in); default DEFAULT_RECOVERY.warmUpMode. */
  warmUpMode?: 'explain' | 'run';
  /** While the database does not answer, it is probed this often; default DEFAULT_RECOVERY.probeIntervalMs. */
  probeIntervalMs?: number;
}

/** Bounds of the waits on the database when the configuration gives none (the defaults of src/core/config.ts). */
export const DEFAULT_TIMEOUTS = {
  connectTimeoutMs: 1_000,
  acquisitionTimeoutMs: 1_000,
  readinessTimeoutMs: 1_000,
  warmUpTimeoutMs: 30_000,
} as const;

/** How a restarted database is brought back when the configuration gives nothing (src/core/config.ts). */
export const DEFAULT_RECOVERY = {
  // Two cores here: the two hottest side by side ended in 3.7 s, one after the other in 4.6 s (load 8).
  warmUpConcurrency: 2,
  // Reads wait for the two hottest only (bench:outage: the gate at db + 2.5 s instead of 6.5 s); the rest follow.
  warmUpGateStatements: 2,
  // After EXPLAIN the first requests let in took up to 6.9 s (load 8); run, all were served within 1 s of the gate.
  warmUpMode: 'run',
  // A probe over a refused connection costs nothing; every interval is service lost after the database answers.
  probeIntervalMs: 100,
} as const;

/** How long the driver may wait to open a connection (TCP) and to get one from its pool (connect, handshake, auth). */
export interface DriverTimeouts {
  connectTimeoutMs: number;
  acquisitionTimeoutMs: number;
}

// A statement is warmed after the gate opens only when it is this hot (RecentStatements.hottest).
const MIN_HEAT_AFTER_GATE = 1;
// /readyz and the read path reuse a probe's verdict for this long.
const PROBE_MAX_AGE_MS = 1_000;
// A loaded server may answer the probe late; a success this recent still counts while reads get through.
const PROBE_STALE_MS = 10_000;

/** Connection settings for a driver; the same for a local server, a cluster or Aura. */
export interface ConnectOptions {
  uri: string;
  user: string;
  password: string;
}

/**
 * Creates a driver that converts integers to JS numbers, so results need no Integer handling. Every wait for a
 * connection is bounded: the TCP connect (the driver's default is 30 s) and the whole acquisition, which also
 * covers a server that accepts TCP but does not answer the handshake yet (Neo4j opens Bolt before it serves).
 */
export function createDriver(connect: ConnectOptions, timeouts: DriverTimeouts = DEFAULT_TIMEOUTS): Driver {
  return neo4j.driver(connect.uri, neo4j.auth.basic(connect.user, connect.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionTimeout: timeouts.connectTimeoutMs,
    connectionAcquisitionTimeout: Math.max(timeouts.acquisitionTimeoutMs, timeouts.connectTimeoutMs),
    // Fail fast when the database is down: a client gets SERVICE_UNAVAILABLE in seconds, not after 30 s.
    maxTransactionRetryTime: 5_000,
    userAgent: 'sanctuary-graph/0.1',
  });
}

/** The neo4j section of the configuration: the database and every bound of a wait on it. */
export type DatabaseSettings = DatabaseOptions &
  DriverTimeouts &
  Required<
    Pick<
      DatabaseOptions,
      | 'readinessTimeoutMs'
      | 'warmUpTimeoutMs'
      | 'warmUpStatements'
      | 'warmUpConcurrency'
      | 'warmUpGateStatements'
      | 'warmUpMode'
      | 'probeIntervalMs'
    >
  >;

/** Opens a Database with the configured bounds: the driver's waits, the query time-out, the probe's bound. */
export function openDatabase(connect: ConnectOptions, settings: DatabaseSettings): Database {
  return new Database(createDriver(connect, settings), {
    database: settings.database,
    queryTimeoutMs: settings.queryTimeoutMs,
    readinessTimeoutMs: settings.readinessTimeoutMs,
    acquisitionTimeoutMs: settings.acquisitionTimeoutMs,
    warmUpTimeoutMs: settings.warmUpTimeoutMs,
    warmUpStatements: settings.warmUpStatements,
    warmUpConcurrency: settings.warmUpConcurrency,
    warmUpGateStatements: settings.warmUpGateStatements,
    warmUpMode: settings.warmUpMode,
    probeIntervalMs: settings.probeIntervalMs,
  });
}

/**
 * The distinct read statements used most recently, with the parameters of their last use, at most `limit`:
 * what a restarted server is asked to plan before traffic returns. Parameters are kept because Neo4j caches a
 * plan per statement text and parameter types. Each also has a heat, its uses decayed by halfLifeMs, so that the
 * warm-up takes the statements most of the traffic sends first, not merely the last ones sent.
 */
export class RecentStatements {
  private readonly entries = new Map<string, { params: Record<string, unknown>; heat: number; at: number }>();

  constructor(
    readonly limit: number,
    private readonly halfLifeMs = 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records a use of cypher, dropping the least recently used statement past the limit. */
  use(cypher: string, params: Record<string, unknown>): void {
    if (this.limit <= 0) return;
    const now = this.now();
    const last = this.entries.get(cypher);
    this.entries.delete(cypher);
    this.entries.set(cypher, { params, heat: (last ? this.decayed(last, now) : 0) + 1, at: now });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The statements, most recently used first. */
  list(): { cypher: string; params: Record<string, unknown> }[] {
    return [...this.entries].reverse().map(([cypher, { params }]) => ({ cypher, params }));
  }

  /**
   * The statements, hottest first (most uses lately); equally hot ones most recently used first. The heat is
   * the count of uses, each halved every halfLifeMs since: 1 is about one use per half-life, or one just now.
   */
  hottest(): { cypher: string; params: Record<string, unknown>; heat: number }[] {
    const now = this.now();
    return [...this.entries]
      .reverse()
      .map(([cypher, entry]) => ({ cypher, params: entry.params, heat: this.decayed(entry, now) }))
      .sort((a, b) => b.heat - a.heat);
  }

  private decayed(entry: { heat: number; at: number }, now: number): number {
    return entry.heat * 0.5 ** ((now - entry.at) / this.halfLifeMs);
  }
}

/** The one way the service talks to Neo4j: read and write transactions with parameters and timeouts. */
export class Database {
  /** Whether the database answers now: /readyz reports it, and reads fail at once while it does not. */
  readonly availability: Availability;
  /** The read statements a warm-up plans after an outage. */
  readonly recent: RecentStatements;
  private readonly probeIntervalMs: number;
  /** The whole last warm-up, the statements after the gate opened included; settles once all are done. */
  warmingRest: Promise<void> | null = null;

  constructor(
    readonly driver: Driver,
    readonly options: DatabaseOptions,
  ) {
    const timeoutMs = options.readinessTimeoutMs ?? DEFAULT_TIMEOUTS.readinessTimeoutMs;
    const warmUpMs = options.warmUpTimeoutMs ?? 0;
    this.probeIntervalMs = options.probeIntervalMs ?? DEFAULT_RECOVERY.probeIntervalMs;
    this.recent = new RecentStatements(options.warmUpStatements ?? 32);
    this.availability = new Availability(
      () => this.probe(timeoutMs),
      { timeoutMs, maxAgeMs: PROBE_MAX_AGE_MS, retryMs: this.probeIntervalMs, staleMs: PROBE_STALE_MS, warmUpMs },
      () => this.warmUp(warmUpMs),
    );
  }

  /**
   * Warms a restarted server with the recent read statements, hottest first, on warmUpConcurrency sessions
   * side by side, within budgetMs: a few planners on a cold JVM instead of every client's request at once.
   * EXPLAIN plans a statement; mode 'run' also executes it (reads only), warming the runtime and page cache.
   * Resolves with how many of the first warmUpGateStatements (all when 0) were warmed once those are done:
   * the gate opens then, while the rest still in use go on in the background (warmingRest), bounded by the
   * same budget. Statements left when the budget runs out are planned by the
   * traffic itself.
   */
  warmUp(budgetMs: number): Promise<number> {
    const end = performance.now() + budgetMs;
    const hottest = this.recent.hottest();
    const gateAfter = Math.min(this.options.warmUpGateStatements || hottest.length, hottest.length);
    // After the gate, only statements still in use: the start-up's reads (migrations, seed) are never sent
    // again, and running them beside the first traffic only took the cold server's time from it.
    const statements = hottest.filter((s, index) => index < gateAfter || s.heat >= MIN_HEAT_AFTER_GATE);
    const concurrency = Math.min(
      this.options.warmUpConcurrency ?? DEFAULT_RECOVERY.warmUpConcurrency,
      Math.max(1, statements.length),
    );
    const explain = (this.options.warmUpMode ?? DEFAULT_RECOVERY.warmUpMode) === 'explain';
    let next = 0;
    let done = 0;
    let warmed = 0;
    let openGate: (warmed: number) => void = () => undefined;
    const gate = new Promise<number>((resolve) => (openGate = resolve));
    if (gateAfter === 0) openGate(0);
    const worker = async (): Promise<void> => {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
      try {
        while (next < statements.length) {
          const index = next++;
          const { cypher, params } = statements[index]!;
          const left = Math.floor(end - performance.now());
          if (left <= 0) break;
          const started = performance.now();
          let error: string | undefined;
          try {
            await session.run(explain ? `EXPLAIN ${cypher}` : cypher, params, { timeout: left });
          } catch (err) {
            // One statement the server could not plan in time (or at all) says nothing about the next one.
            error = (err as Error).message;
          }
          const ms = Math.round(performance.now() - started);
          this.availability.emit('warm-up-statement', {
            index,
            ms,
            mode: explain ? 'explain' : 'run',
            cypher: cypher.slice(0, 60),
            error,
          });
          if (index < gateAfter) {
            done += 1;
            if (!error) warmed += 1;
            if (done === gateAfter) openGate(warmed);
          }
        }
      } finally {
        await session.close().catch(() => undefined);
      }
    };
    this.warmingRest = Promise.all(Array.from({ length: concurrency }, worker))
      .catch(() => undefined)
      .then(() => openGate(warmed));
    return gate;
  }

  /** One RETURN 1 in the service's database, no retry and no bookmark: does it answer now? */
  private async probe(timeoutMs: number): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(namedQuery('database/ping'), {}, { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one read query (routed to a reader on a cluster), retried on transient failures. It is an auto-commit
   * transaction: the driver sends the query and its PULL in one write, where a managed transaction adds BEGIN
   * and COMMIT exchanges; that saved 2 ms of a 3 ms lookup here (docs/benchmarks.md). The bookmark manager
   * of executeQuery keeps reads after this process's writes causally consistent on a cluster.
   */
  async read<T extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
    counter?: RoundTripCounter,
  ): Promise<T[]> {
    if (counter) counter.count += 1;
    // While the last probe failed, waiting on the driver would only delay the same answer.
    if (this.availability.down) {
      // A restarted server being warmed up: wait for it a bounded time, as for a connection from the pool.
      const waitMs = this.options.acquisitionTimeoutMs ?? DEFAULT_TIMEOUTS.acquisitionTimeoutMs;
      if (!this.availability.warmingUp)
        throw new DatabaseDownError(`the last probe failed; it is retried every ${this.probeIntervalMs} ms`);
      if (!(await this.availability.opened(waitMs)))
        throw new DatabaseDownError(`the restarted database is being warmed up; waited ${waitMs} ms`);
    }
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        const result = await session.run(cypher, params, { timeout: this.options.queryTimeoutMs });
        this.recent.use(cypher, params);
        return result.records.map((r) => r.toObject() as T);
      } catch (error) {
        // A read changes nothing, so trying it again is safe. A connection failure is retried only when a
        // probe (shared by all callers, bounded in time) finds the database answering: a stale connection.
        if (isUnavailable(error)) {
          const verdict: Verdict = await this.availability.confirm();
          if (!verdict.up || attempt >= READ_ATTEMPTS) throw error;
          continue;
        }
        if (attempt >= READ_ATTEMPTS || !neo4j.isRetryableError(error)) throw error;
        await new Promise((r) => setTimeout(r, 150 * attempt));
      } finally {
        await session.close();
      }
    }
  }

  /** Runs one write query in its own write transaction. */
  async write<T extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const result = await this.driver.executeQuery(cypher, params, {
      database: this.options.database,
      routing: neo4j.routing.WRITE,
    });
    return result.records.map((r) => r.toObject() as T);
  }

  /** Runs work in one write transaction, retried by the driver on transient failures. */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (index, constraint) in an auto-commit transaction, as Neo4j requires. */
  async runSchema(cypher: string): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(cypher);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    this.availability.close();
    await this.driver.close();
  }
}
