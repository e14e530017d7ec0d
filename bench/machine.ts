import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';

/** What a run ran on, for the Machine table of benchmarks.md: hardware, load, and the versions measured. */

function sh(cmd: string): string {
  try {
    return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function pkgVersion(name: string): string {
  try {
    const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    return lock.packages[`node_modules/${name}`]?.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The 1, 5 and 15 minute load averages, as "0.12 0.34 0.56": other work on the machine skews the figures. */
export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/** The machine and the versions, with the load average at the run's start and now (its end). */
export function describeMachine(loadAtStart: string, neo4jVersion: string): Record<string, string | number> {
  return {
    nproc: sh('nproc'),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpu: cpus()[0]?.model ?? 'unknown',
    os: sh('uname -sr'),
    'load average at start (1/5/15 min)': loadAtStart,
    'load average at end': loadAverage(),
    node: process.version,
    neo4j: neo4jVersion,
    java: sh("java -version 2>&1 | head -1 | sed 's/\"//g'"),
    'neo4j-driver': pkgVersion('neo4j-driver'),
    '@apollo/server': pkgVersion('@apollo/server'),
    'type-graphql': pkgVersion('type-graphql'),
    graphql: pkgVersion('graphql'),
    '@neo4j/graphql': pkgVersion('@neo4j/graphql'),
    autocannon: pkgVersion('autocannon'),
  };
}
