import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';

/** Counts the statements a unit of work sends to Neo4j: the API reports it per request. */
export class RoundTripCounter {
  count = 0;
}

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

  /** Runs one read query in a read transaction (routed to a reader on a cluster). */
  async read<T extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
    counter?: RoundTripCounter,
  ): Promise<T[]> {
    if (counter) counter.count += 1;
    const result = await this.driver.executeQuery(cypher, params, {
      database: this.options.database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: this.options.queryTimeoutMs },
    });
    return result.records.map((r) => r.toObject() as T);
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
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
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

/** True when an error means the database cannot be reached (down, restarting, no route). */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    /ECONNREFUSED|Connection was closed|Could not perform discovery|Failed to connect/i.test(
      (error as Error | null)?.message ?? '',
    )
  );
}
