import { ConfigError, loadConfig } from '../core/config';
import { ensureNeo4jJars } from '../neo4j/jars';
import { lineProgress } from '../core/progress';
import { openRuntime } from '../neo4j/runtime';

/**
 * `npm run neo4j`: starts only the local database and prints how to connect, until Ctrl-C.
 * With --install-only it resolves the jars and exits (CI and image builds warm the cache with it).
 */
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const progress = lineProgress();
  if (argv.includes('--install-only')) {
    const jars = await ensureNeo4jJars(config.local.libDir, config.local.version, progress);
    progress.info(`Neo4j ${config.local.version} jars are in ${jars}`);
    return;
  }
  if (config.neo4j.uri) {
    process.stderr.write(`NEO4J_URI is set (${config.neo4j.uri}): there is no local database to start.\n`);
    process.exit(2);
  }
  const runtime = await openRuntime(config, progress, { http: true });
  const local = runtime.local!;
  process.stdout.write(
    [
      '',
      `Neo4j is running.`,
      `  Bolt URI:  ${local.uri}`,
      local.httpPort === null
        ? '  HTTP:      off (the process that started this server did not enable it; stop it and run npm run neo4j first)'
        : `  HTTP:      http://127.0.0.1:${local.httpPort}/ (Neo4j's HTTP API)`,
      `  User:      ${local.user}`,
      `  Password:  ${local.password}`,
      `  cypher-shell -a ${local.uri} -u ${local.user} -p '${local.password}'`,
      'Press Ctrl-C to stop it.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    progress.info('Stopping Neo4j…');
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? '' : 'Could not start Neo4j: '}${(err as Error).message}\n`);
  process.exit(1);
});
