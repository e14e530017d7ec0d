import { ConfigError, loadConfig } from '../core/config';
import { lineProgress } from '../core/progress';
import { ensureCoreNlpJars } from '../nlp/jars';
import { requireJava } from '../nlp/local-server';

/**
 * `npm run corenlp:install`: resolves the Stanford CoreNLP jars and models from Maven Central into
 * CORENLP_LOCAL_LIB_DIR and exits (CI warms the cache with it, beside the Neo4j jars).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const progress = lineProgress();
  requireJava();
  const jars = await ensureCoreNlpJars(config.corenlp.libDir, config.corenlp.version, progress);
  progress.info(`Stanford CoreNLP ${config.corenlp.version} jars are in ${jars}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? '' : 'Could not resolve CoreNLP: '}${(err as Error).message}\n`);
  process.exit(1);
});
