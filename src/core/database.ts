import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';

/** Counts the statements a unit of work sends to Neo4j: the API reports it per request. */
export class RoundTripCounter {
  count = 0;
}

const READ_ATTEMPTS = 3;

/** Options of a Database: which database, and how long a read may take. */
export interface DatabaseOptions {
  database: string;
  queryTimeoutMs: number;
}

/** Connection settings for a driver; the same for a local server, a cluster or Aura. */
export interface ConnectOptions {
  uri: string;
  user: string;
  password: string;
}

/** Creates a driver that converts integers to JS numbers, so results need no Integer handling. */
export function createDriver(connect: ConnectOptions): Driver {
  return neo4j.driver(connect.uri, neo4j.auth.basic(connect.user, connect.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    // Fail fast when the database is down: a client gets SERVICE_UNAVAILABLE in seconds, not after 30 s.
    maxTransactionRetryTime: 5_000,
    userAgent: 'sanctuary-graph/0.1',
  });
}

/** The one way the service talks to Neo4j: read and write transactions with parameters and timeouts. */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly options: DatabaseOptions,
  ) {}

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
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        const result = await session.run(cypher, params, { timeout: this.options.queryTimeoutMs });
        return result.records.map((r) => r.toObject() as T);
      } catch (error) {
        // A read changes nothing, so trying it again is safe; a lasting outage still fails within a second.
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
    await this.driver.close();
  }
}
