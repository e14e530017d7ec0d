import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../core/config';
import type { Context } from '../graphql/context';
import { formatError } from './format-error';
import type { Logger } from '../core/logger';
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
import { ApiKeyring, hasRole } from '../core/api-keys';
import type { ArticleWriter } from '../graphql/article-writer';
import { authentication, requestCaller } from './authentication';
import { accessControlPlugin } from './plugins/access-control';
import { TokenBuckets } from './token-bucket';

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
}

/** A started HTTP service: its address and how to stop it. */
export interface RunningApp {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** Builds and starts the HTTP service: /graphql, /export, /healthz, /readyz and /metrics. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const metrics = config.metrics ? (options.metrics ?? createMetrics()) : null;
  const db = metrics ? meteredDatabase(options.db, metrics) : options.db;
  const schema = options.schema ?? (await buildGraphSchema());
  const app = express();
  const server = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    // Responses are keyed by alias: compiled queries return one object per response key.
    fieldResolver: responseKeyResolver,
    // Details of unexpected errors only when asked for (ERROR_DETAILS=true, as `npm run dev` does).
    formatError: formatError(config.errorDetails),
    includeStacktraceInErrorResponses: config.errorDetails,
    introspection: true,
    // A mutation or subscription is the client's error (400), not an unexplained failure in execution.
    validationRules: [knownOperationTypesRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
      // Who may run the operation: before the limits, so that a client without a key learns that first.
      accessControlPlugin({ readAccess: config.access.readAccess, buckets: new TokenBuckets(config.writes) }),
      // Depth, alias and cost limits: validation rules run with the request's variables, keeping their own codes.
      queryLimitsPlugin(config.limits),
      roundTripsPlugin(),
      ...(metrics ? [metricsPlugin(metrics)] : []),
      unavailableStatusPlugin(),
    ],
  });
  await apollo.start();
  // Opens the first connection and records a verdict before the first /readyz (bounded; never fails the start).
  await db.availability.check();

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
  app.use(exportRouter({ config, db, logger, schema }));
  app.use(webRouter(config, logger));
  const keyring = new ApiKeyring(config.access.keys);
  const readBody = express.json({ limit: MAX_BODY_BYTES });
  const readWriterBody = express.json({ limit: config.writes.maxBodyBytes });
  const articles = options.articles ?? null;
  app.use(
    '/graphql',
    // The caller is known from the headers before the body is read, so only writer keys get the larger limit.
    authentication(keyring),
    (req, res, next) => (hasRole(requestCaller(res), 'writer') ? readWriterBody : readBody)(req, res, next),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        db,
        config,
        logger,
        roundTrips: new RoundTripCounter(),
        caller: requestCaller(res),
        articles,
      }),
    }),
  );
  app.use(httpErrorHandler(config.errorDetails));

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    stop: async () => {
      await apollo.stop();
    },
  };
}
