import { join } from 'node:path';
import { resolved, resolveMavenJars } from '../core/maven';
import type { Progress } from '../core/progress';

/** Folder of one CoreNLP version's resolution (its pom and a jars/ folder); filled on first use. */
export function coreNlpFolder(libDir: string, version: string): string {
  return join(libDir, `corenlp-${version}`);
}

/** True when the jars of this version were resolved already (no Maven needed). */
export function coreNlpJarsResolved(libDir: string, version: string): boolean {
  return resolved(coreNlpFolder(libDir, version));
}

/**
 * Resolves Stanford CoreNLP and its English models (classifier "models", about 470 MB) with Maven into
 * libDir/corenlp-<version>/jars, once, and returns that folder. They are fetched at run time and never bundled:
 * CoreNLP is GPL-3.0, and the project only talks to it over HTTP as a separate process.
 */
export async function ensureCoreNlpJars(libDir: string, version: string, progress: Progress): Promise<string> {
  const artifact = { groupId: 'edu.stanford.nlp', artifactId: 'stanford-corenlp', version };
  return resolveMavenJars({
    label: `Stanford CoreNLP ${version} and its English models`,
    dependencies: [artifact, { ...artifact, classifier: 'models' }],
    target: coreNlpFolder(libDir, version),
    requiredJarPrefixes: [`stanford-corenlp-${version}.jar`, `stanford-corenlp-${version}-models`],
    expectedTime: 'about 470 MB, 30–60 s',
    alternative: 'set CORENLP_URL to use a running CoreNLP server, or use --extractor=rules',
    progress,
  });
}
