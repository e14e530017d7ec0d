import { loadConfig, type Config } from '../../src/core/config';
import { type Database, openDatabase } from '../../src/core/database';

/** Config pointing at the run's test Neo4j (see global-setup). */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: integration tests run under the jest integration project');
  return loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: uri,
    NEO4J_USER: process.env.TEST_NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '',
    PORT: '0',
    LOG_LEVEL: 'silent',
    // The suites written before the response cache read their own writes at once, and count database queries
    // per request; tests/integration/api/caching.test.ts turns the cache on and specifies it.
    RESPONSE_CACHE: 'false',
    ...overrides,
  });
}

/** A Database on the test Neo4j; close it in afterAll. */
export function testDatabase(config: Config = testConfig()): Database {
  return openDatabase(
    { uri: config.neo4j.uri!, user: config.neo4j.user, password: config.neo4j.password ?? '' },
    config.neo4j,
  );
}

/** Deletes every node the tests may have written, keeping the migration records. */
export async function clearGraph(db: Database): Promise<void> {
  await db.write('MATCH (n) WHERE NOT n:_Migration DETACH DELETE n');
}
