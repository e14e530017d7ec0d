import { Neo4jError, error as driverErrors } from 'neo4j-driver';

/** Why a database call failed, when the cause is the database rather than the statement. */
export type DatabaseFailure = 'unavailable' | 'timeout';

// Server codes (Neo4j status codes) that mean the database cannot serve now, though the statement is fine.
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  driverErrors.SERVICE_UNAVAILABLE,
  driverErrors.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Cluster.NotALeader',
]);

// A transaction stopped by its timeout: the client's own (the timeout we pass) or the server's configured one.
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Raised without calling the driver while the last probe says the database does not answer. */
export class DatabaseDownError extends Error {
  constructor(reason: string) {
    super(`The database is not answering (${reason})`);
    this.name = 'DatabaseDownError';
  }
}

/**
 * Classifies a driver error by its class and code: the driver's own codes for connection failures, Neo4j's
 * status codes for the rest. Anything else (a syntax error, a constraint) is null: not the database's fault.
 */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  if (error instanceof DatabaseDownError) return 'unavailable';
  if (!(error instanceof Neo4jError)) return null;
  if (UNAVAILABLE_CODES.has(error.code)) return 'unavailable';
  if (TIMEOUT_CODES.has(error.code)) return 'timeout';
  // The pool's own time-out has no code of its own; it is raised while every connection is taken or being
  // re-established, which, with bounded queries, means the database is not answering.
  if (error.code === 'N/A' && error.message.startsWith('Connection acquisition timed out')) return 'unavailable';
  return null;
}

/** True when an error means the database cannot be reached (down, restarting, no route). */
export function isUnavailable(error: unknown): boolean {
  return classifyDatabaseError(error) === 'unavailable';
}
