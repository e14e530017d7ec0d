import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress } from './progress';

/** One Maven artifact: groupId:artifactId:version, with an optional classifier (such as "models"). */
export interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
  classifier?: string;
}

/** What to resolve, where, and how to say so. */
export interface MavenResolution {
  /** What the progress lines and errors call it, e.g. "Neo4j 5.26.30". */
  label: string;
  dependencies: MavenArtifact[];
  /** The folder that receives pom.xml and jars/; filled under a temporary name and renamed when complete. */
  target: string;
  /** For each of these, a jar whose name starts with it must be among the resolved ones, or the resolution failed. */
  requiredJarPrefixes: string[];
  /** Said after "first run only;" in the first progress line, e.g. "about 30 s". */
  expectedTime: string;
  /** What to do instead when Maven is missing, appended to the error. */
  alternative: string;
  progress: Progress;
}

const COMPLETE_MARKER = '.complete';

function dependencyXml(a: MavenArtifact): string {
  const classifier = a.classifier ? `\n      <classifier>${a.classifier}</classifier>` : '';
  return `    <dependency>
      <groupId>${a.groupId}</groupId>
      <artifactId>${a.artifactId}</artifactId>
      <version>${a.version}</version>${classifier}
    </dependency>`;
}

function pomFor(artifactId: string, dependencies: MavenArtifact[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.sanctuary-graph</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${dependencies.map(dependencyXml).join('\n')}
  </dependencies>
</project>
`;
}

/** True when a resolution into target finished (its marker is written last). */
export function resolved(target: string): boolean {
  return existsSync(join(target, COMPLETE_MARKER));
}

/**
 * Resolves the dependencies' runtime jars with Maven into target/jars, once, and returns that folder. An
 * interrupted run never leaves a half-filled folder behind: the work happens under a temporary name.
 */
export async function resolveMavenJars(r: MavenResolution): Promise<string> {
  const { target, progress } = r;
  if (resolved(target)) return join(target, 'jars');

  const work = `${target}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'jars'), { recursive: true });
  await writeFile(join(work, 'pom.xml'), pomFor(`${r.dependencies[0]?.artifactId ?? 'jars'}-runtime`, r.dependencies));
  progress.info(`Resolving ${r.label} from Maven Central with Maven (first run only; ${r.expectedTime})…`);

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
        err.code === 'ENOENT' ? new Error(`Maven (mvn) is not on PATH: install Maven 3.6+ or ${r.alternative}`) : err,
      );
    });
    mvn.on('close', (exitCode) => {
      clearInterval(ticker);
      resolvePromise(exitCode ?? 1);
    });
  });
  if (code !== 0) {
    await rm(work, { recursive: true, force: true });
    const wanted = r.dependencies.map((a) => `${a.groupId}:${a.artifactId}:${a.version}`).join(', ');
    throw new Error(`Maven could not resolve ${wanted} (exit ${code}). Last lines:\n${output.slice(-25).join('\n')}`);
  }
  const jars = (await readdir(join(work, 'jars'))).filter((f) => f.endsWith('.jar'));
  const missing = r.requiredJarPrefixes.find((prefix) => !jars.some((f) => f.startsWith(prefix)));
  if (missing !== undefined) {
    await rm(work, { recursive: true, force: true });
    throw new Error(`Maven finished but ${missing}*.jar is missing from the resolved jars of ${r.label}`);
  }
  await writeFile(join(work, COMPLETE_MARKER), `${jars.length} jars\n`);
  await rm(target, { recursive: true, force: true });
  await rename(work, target);
  progress.info(`Resolved ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s → ${target}`);
  return join(target, 'jars');
}
