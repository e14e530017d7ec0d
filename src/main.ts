import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { ConfigError, loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { lineProgress, phaseClock } from './core/progress';
import { openRuntime } from './neo4j/runtime';
import type { Config } from './core/config';
import type { Progress } from './core/progress';

type ServiceModules = typeof import('./cli/service.js');

/**
 * The extractor of articles sent without an annotation: the rules, unless the configuration names CoreNLP and
 * a CoreNLP server to use (CORENLP_URL). A local CoreNLP is a JVM of several GB; the service never starts one.
 */
async function apiExtraction(modules: ServiceModules, config: Config, progress: Progress) {
  if (config.extractor === 'rules' || !config.corenlp.url) return null;
  return modules.setUpExtractor(config.extractor, config, progress);
}

/** Starts the service: database (local or remote), migrations, sample data on an empty graph, HTTP. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger({ env: config.env, level: config.logLevel });
  const progress = lineProgress();
  const phases = phaseClock(progress);
  progress.info(`start-up: main() began at ${(performance.now() / 1000).toFixed(2)} s (its own modules loaded)`);
  // Loading the service's modules and building the GraphQL schema need no database: they run while Neo4j boots.
  let prepared: Promise<{ modules: ServiceModules; schema: GraphQLSchema }> | null = null;
  const prepare = (): Promise<unknown> => {
    prepared ??= phases.time('modules loaded and GraphQL schema built', async () => {
      // A dynamic import (Node's loader in a CommonJS build), so nothing of it loads before the JVM is spawned.
      const modules: ServiceModules = await import('./cli/service.js');
      return { modules, schema: await modules.buildGraphSchema() };
    });
    // Awaited after the database is up; a failure meanwhile must not end the process as an unhandled rejection.
    return prepared.catch(() => undefined);
  };
  const runtime = await openRuntime(config, progress, { phases, whileBooting: prepare });
  prepare();

  let app: Awaited<ReturnType<ServiceModules['startApp']>> | null = null;
  let extraction: Awaited<ReturnType<typeof apiExtraction>> = null;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // The local Neo4j stops too unless another process (an ingest CLI, npm run neo4j) still uses it.
    progress.info(`${signal} received: stopping the service${runtime.local ? ' and leaving the local Neo4j' : ''}…`);
    try {
      await app?.stop();
      await extraction?.close();
      await runtime.close();
      progress.info('Stopped.');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const { modules, schema } = await prepared!;
    // One registry for the process: the seed's ingest counts and the app's request metrics.
    const metrics = config.metrics ? modules.createMetrics() : undefined;
    const seeded = config.seedOnEmpty
      ? await phases.time('seed checked', () => modules.seedIfEmpty(runtime.db, progress, runtime.hadArticles))
      : null;
    if (seeded && metrics) modules.recordIngest(metrics, seeded);
    extraction = await apiExtraction(modules, config, progress);
    const articles = modules.pipelineArticleWriter(runtime.db, { extractor: extraction?.extractor });
    app = await modules.startApp({ config, db: runtime.db, logger, metrics, articles, phases, schema });
  } catch (err) {
    await extraction?.close();
    await runtime.close();
    throw err;
  }
  progress.info(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: GraphQL at ${app.url}/graphql`);
  const writers = config.access.keys.filter((k) => k.role === 'writer').length;
  progress.info(
    writers > 0
      ? `Writes: ingestArticle and retractArticle take ${writers} writer key(s); reads are ${config.access.readAccess === 'key' ? 'for key holders only' : 'public'}.`
      : 'Writes: no writer key is configured (API_KEYS), so every mutation is refused; see docs/write-api.md.',
  );
  if (runtime.local)
    progress.info(
      `Neo4j: ${runtime.local.uri} (user ${runtime.local.user}; password in ${config.local.home}/credentials.json)`,
    );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
