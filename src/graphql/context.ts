import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { Database, RoundTripCounter } from '../core/database';

/** What every resolver receives: the database, the request's round-trip counter, config and logger. */
export interface Context {
  db: Database;
  roundTrips: RoundTripCounter;
  config: Config;
  logger: Logger;
}
