import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress } from '../core/progress';

/** The single Maven dependency that brings the whole Neo4j Community server (neo4j-server and Bolt). */
function pomFor(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.sanctuary-graph</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

const COMPLETE_MARKER = '.complete';

/** Folder of one Neo4j version's resolution (its pom and a jars/ folder); filled on first use. */
export function versionFolder(libDir: string, version: string): string {
  return join(libDir, `neo4j-${version}`);
}

/**
 * Resolves Neo4j's runtime jars with Maven into libDir/neo4j-<version>/jars, once, and returns that folder. The folder is filled under a
 * temporary name and renamed when complete, so an interrupted run never leaves a half-filled folder behind.
 */
export async function ensureNeo4jJars(libDir: string, version: string, progress: Progress): Promise<string> {
  const target = versionFolder(libDir, version);
  if (existsSync(join(target, COMPLETE_MARKER))) return join(target, 'jars');

  const work = `${target}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'jars'), { recursive: true });
  await writeFile(join(work, 'pom.xml'), pomFor(version));
  progress.info(`Resolving Neo4j ${version} from Maven Central with Maven (first run only; about 30 s)…`);

  const started = Date.now();
  let downloaded = 0;
  const output: string[] = [];
  const code = await new Promise<number>((resolvePromise, reject) => {
    const mvn = spawn(
      'mvn',
      [
        '-B',
        '-f',
        join(work, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(work, 'jars')}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const ticker = setInterval(() => {
      progress.info(
        `  …still resolving: ${downloaded} artifacts downloaded, ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }, 10_000);
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (line.includes('Downloaded from')) downloaded += 1;
        if (line.trim()) output.push(line);
        if (output.length > 200) output.shift();
      }
    };
    mvn.stdout.on('data', onData);
    mvn.stderr.on('data', onData);
    mvn.on('error', (err: NodeJS.ErrnoException) => {
      clearInterval(ticker);
      reject(
        err.code === 'ENOENT'
          ? new Error('Maven (mvn) is not on PATH: install Maven 3.6+ or set NEO4J_URI to use an existing Neo4j')
          : err,
      );
    });
    mvn.on('close', (exitCode) => {
      clearInterval(ticker);
      resolvePromise(exitCode ?? 1);
    });
  });
  if (code !== 0) {
    await rm(work, { recursive: true, force: true });
    throw new Error(
      `Maven could not resolve org.neo4j:neo4j:${version} (exit ${code}). Last lines:\n${output.slice(-25).join('\n')}`,
    );
  }
  const jars = (await readdir(join(work, 'jars'))).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith('neo4j-server-'))) {
    await rm(work, { recursive: true, force: true });
    throw new Error(`Maven finished but neo4j-server-${version}.jar is missing from the resolved jars`);
  }
  await writeFile(join(work, COMPLETE_MARKER), `${jars.length} jars\n`);
  await rm(target, { recursive: true, force: true });
  await rename(work, target);
  progress.info(`Resolved ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s → ${target}`);
  return join(target, 'jars');
}
