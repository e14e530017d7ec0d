import type { ChangeFeed } from '../core/change-follower';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { Database, RoundTripCounter } from '../core/database';

/** What every resolver receives: the database, the request's round-trip counter, config, logger and the change feed. */
export interface Context {
  db: Database;
  roundTrips: RoundTripCounter;
  config: Config;
  logger: Logger;
  /** This replica's follower of the change log, which subscriptions listen to. */
  changes: ChangeFeed;
}
