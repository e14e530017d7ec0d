import { join } from 'node:path';
import { resolveMavenJars } from '../core/maven';
import type { Progress } from '../core/progress';

/** Folder of one Neo4j version's resolution (its pom and a jars/ folder); filled on first use. */
export function versionFolder(libDir: string, version: string): string {
  return join(libDir, `neo4j-${version}`);
}

/**
 * Resolves Neo4j's runtime jars (the single dependency org.neo4j:neo4j brings the Community server and Bolt)
 * with Maven into libDir/neo4j-<version>/jars, once, and returns that folder.
 */
export async function ensureNeo4jJars(libDir: string, version: string, progress: Progress): Promise<string> {
  return resolveMavenJars({
    label: `Neo4j ${version}`,
    dependencies: [{ groupId: 'org.neo4j', artifactId: 'neo4j', version }],
    target: versionFolder(libDir, version),
    requiredJarPrefixes: ['neo4j-server-'],
    expectedTime: 'about 30 s',
    alternative: 'set NEO4J_URI to use an existing Neo4j',
    progress,
  });
}
