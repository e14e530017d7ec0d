import type { Caller } from '../core/api-keys';
import type { ChangeFeed } from '../core/change-follower';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { Database, RoundTripCounter } from '../core/database';
import type { ArticleWriter } from './article-writer';

/**
 * What every resolver receives: the database, the request's round-trip counter, config and logger, who sent
 * the request, the write path (null when the service was started without one) and the change feed.
 */
export interface Context {
  db: Database;
  roundTrips: RoundTripCounter;
  config: Config;
  logger: Logger;
  caller: Caller;
  articles: ArticleWriter | null;
  /** This replica's follower of the change log, which subscriptions listen to. */
  changes: ChangeFeed;
}
