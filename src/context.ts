import type { Config } from './config';
import type { Logger } from './logger';
import type { Database, RoundTripCounter } from './neo4j/database';

/** What every resolver receives: the database, the request's round-trip counter, config and logger. */
export interface Context {
  db: Database;
  roundTrips: RoundTripCounter;
  config: Config;
  logger: Logger;
}
