import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../core/config';
import type { Context } from '../graphql/context';
import { formatError } from './format-error';
import type { Logger } from '../core/logger';
import { type PhaseClock, untimedPhases } from '../core/progress';
import { type Database, RoundTripCounter } from '../core/database';
import { queryLimitsPlugin } from './plugins/query-limits';
import { knownOperationTypesRule } from '../compiler/analysis/operation-types';
import { requestLogPlugin } from './plugins/request-log';
import { roundTripsPlugin } from './plugins/round-trips';
import { unavailableStatusPlugin } from './plugins/unavailable-status';
import { httpErrorHandler } from './http-errors';
import { readinessHandler } from './readiness';
import { buildGraphSchema } from '../graphql';
import { responseKeyResolver } from '../graphql/field-resolver';
import { webRouter } from './web-router';
import { exportRouter } from './export/export-router';
import { createMetrics, httpMetrics, meteredDatabase, type Metrics } from './metrics';
import { metricsPlugin } from './plugins/metrics';
import { securityHeaders } from './security-headers';
import { ApiKeyring, type Caller, hasRole } from '../core/api-keys';
import type { ArticleWriter } from '../graphql/article-writer';
import { authentication, requestCaller } from './authentication';
import { accessControlPlugin } from './plugins/access-control';
import { TokenBuckets } from './token-bucket';
import { changeLogSource } from '../core/change-log';
import { ChangeFollower } from '../core/change-follower';
import { startSubscriptions } from './subscriptions';
import {
  cachePolicyPlugin,
  invalidateOnMutationPlugin,
  responseCachePlugin,
  ResponseCacheStore,
} from './response-cache';

// How often a replica prunes the change log past retention, and how many entries one statement deletes.
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 1_000;

/**
 * Largest request body /graphql reads (1 MiB); a larger one is answered 413 before any parsing. Requests with a
 * valid writer key may send up to MAX_WRITE_BODY_BYTES instead: an article with its annotation can be larger.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Everything the HTTP app needs, passed in explicitly. */
export interface AppOptions {
  config: Config;
  db: Database;
  logger: Logger;
  schema?: GraphQLSchema;
  /** The registry /metrics serves (main.ts passes the one that also counted the seed); a new one by default. */
  metrics?: Metrics;
  /** The write path the mutations use (main.ts builds it on the ingest pipeline); without one they answer so. */
  articles?: ArticleWriter;
  /** Times the start's phases (main.ts logs them); untimed by default. */
  phases?: PhaseClock;
}

/** A started HTTP service: its address, its follower of the change log, and how to stop it. */
export interface RunningApp {
  url: string;
  server: Server;
  changes: ChangeFollower;
  /** The response cache of reads, or null when RESPONSE_CACHE=false. */
  responseCache: ResponseCacheStore | null;
  stop(): Promise<void>;
}

/** Builds and starts the HTTP service: /graphql (HTTP and WebSocket), /export, /healthz, /readyz and /metrics. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const phases = options.phases ?? untimedPhases;
  const metrics = config.metrics ? (options.metrics ?? createMetrics()) : null;
  const db = metrics ? meteredDatabase(options.db, metrics) : options.db;
  // An outage's steps go to the log: the gate at info (an operator's question is "when did it come back?"),
  // each warm-up statement at debug. A caller that listens itself (a test, a benchmark) keeps its listener.
  options.db.availability.onEvent ??= (e) =>
    e.event === 'warm-up-statement'
      ? logger.debug(e, 'warm-up statement planned')
      : logger.info(e, `database ${e.event}`);
  const schema = options.schema ?? (await phases.time('GraphQL schema built', buildGraphSchema));
  const app = express();
  const server = createServer(app);
  const changes = new ChangeFollower(
    // The follower's polls are not requests: they stay out of the request-level database metrics.
    changeLogSource(options.db),
    { ...config.changeFeed, pruneEveryMs: PRUNE_EVERY_MS, pruneBatch: PRUNE_BATCH },
    logger,
  );
  const articles = options.articles ?? null;
  const responseCache = config.cache.responseCacheBytes
    ? new ResponseCacheStore(config.cache.responseCacheBytes, () => metrics?.responseCacheInvalidations.inc())
    : null;
  if (responseCache) {
    // Any change by any replica or the CLI reaches every replica's follower: each drops all of its answers (a
    // change to one article may alter any search, neighborhood or count). The log's reset too: the graph went.
    changes.subscribe(() => responseCache.invalidate());
    changes.onReset(() => responseCache.invalidate());
  }
  // Subscriptions over WebSocket run as anonymous callers: they only read (READ_ACCESS=key is not checked there).
  const context = (caller: Caller = { kind: 'anonymous' }): Context => ({
    db,
    config,
    logger,
    roundTrips: new RoundTripCounter(),
    changes,
    caller,
    articles,
  });
  const subscriptions = startSubscriptions({
    server,
    path: '/graphql',
    schema,
    config,
    logger,
    maxPayload: MAX_BODY_BYTES,
    context,
  });
  const apollo = new ApolloServer<Context>({
    schema,
    // Responses are keyed by alias: compiled queries return one object per response key.
    fieldResolver: responseKeyResolver,
    // Details of unexpected errors only when asked for (ERROR_DETAILS=true, as `npm run dev` does).
    formatError: formatError(config.errorDetails),
    includeStacktraceInErrorResponses: config.errorDetails,
    introspection: true,
    // Automatic persisted queries, in a store of their own bounded by PERSISTED_QUERIES_CACHE_MB (the text of
    // a hash is never stale: no TTL). A query sent by hash goes through parsing, validation and every plugin
    // below (access, limits) exactly as one sent as text.
    persistedQueries: config.cache.persistedQueriesBytes
      ? { cache: new InMemoryLRUCache<string>({ maxSize: config.cache.persistedQueriesBytes }), ttl: null }
      : false,
    // A mutation is the client's error (400), not an unexplained failure in execution; a subscription is
    // refused here with a pointer to the WebSocket.
    validationRules: [knownOperationTypesRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's documented pattern: the WebSocket subscriptions end when the server drains.
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await subscriptions.dispose();
            },
          };
        },
      },
      ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
      // Who may run the operation: before the limits, so that a client without a key learns that first.
      accessControlPlugin({ readAccess: config.access.readAccess, buckets: new TokenBuckets(config.writes) }),
      // Depth, alias and cost limits: validation rules run with the request's variables, keeping their own codes.
      queryLimitsPlugin(config.limits),
      // Reads of the graph get CACHE_MAX_AGE_SECONDS unless the schema's @cacheControl hints say less (health,
      // mutation results); the policy then sets Cache-Control, and the response cache keeps what it allows.
      ApolloServerPluginCacheControl({ defaultMaxAge: config.cache.maxAgeSeconds }),
      cachePolicyPlugin(config.access.readAccess),
      ...(responseCache ? [responseCachePlugin(responseCache), invalidateOnMutationPlugin(responseCache)] : []),
      roundTripsPlugin(),
      ...(metrics ? [metricsPlugin(metrics)] : []),
      unavailableStatusPlugin(),
    ],
  });
  await phases.time('Apollo started', () => apollo.start());
  // Side by side, as neither needs the other: on a just-started Neo4j each is a first statement to plan.
  await Promise.all([
    // Records a verdict before the first /readyz (bounded; never fails the start).
    phases.time('availability checked', () => db.availability.check()),
    // From the log's head: a replica delivers what is written after it starts (never throws; an outage is retried).
    phases.time('change follower at the log head', () => changes.start()),
  ]);

  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (metrics) {
    app.use(httpMetrics(metrics));
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    readinessHandler(db, { timeoutMs: config.neo4j.readinessTimeoutMs, details: config.errorDetails }),
  );
  app.use(exportRouter({ config, db, logger, schema, context: () => context() }));
  app.use(webRouter(config, logger));
  const keyring = new ApiKeyring(config.access.keys);
  const readBody = express.json({ limit: MAX_BODY_BYTES });
  const readWriterBody = express.json({ limit: config.writes.maxBodyBytes });
  app.use(
    '/graphql',
    // The caller is known from the headers before the body is read, so only writer keys get the larger limit.
    authentication(keyring),
    (req, res, next) => (hasRole(requestCaller(res), 'writer') ? readWriterBody : readBody)(req, res, next),
    expressMiddleware(apollo, {
      context: async ({ res }) => context(requestCaller(res)),
    }),
  );
  app.use(httpErrorHandler(config.errorDetails));

  try {
    await phases.time(
      'HTTP listening',
      () =>
        new Promise<void>((resolvePromise, reject) => {
          server.once('error', reject);
          server.listen(config.port, config.host, () => resolvePromise());
        }),
    );
  } catch (err) {
    // A port in use: nothing else may keep running (the follower's timer, the WebSocket endpoint).
    await changes.stop();
    await subscriptions.dispose();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    changes,
    responseCache,
    stop: async () => {
      await apollo.stop();
      await changes.stop();
    },
  };
}
