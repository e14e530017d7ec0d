import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from this file whether it runs from src/ (tests) or dist/src/ (build). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'tsconfig.build.json')) === false) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No project root above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'cypher', 'migrations');
export const CORPUS_DIR = join(PROJECT_ROOT, 'ingest', 'corpus');
export const ANNOTATIONS_DIR = join(PROJECT_ROOT, 'ingest', 'annotations');
export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema', 'schema.graphql');
