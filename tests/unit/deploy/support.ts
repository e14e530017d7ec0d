import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_NAMES, ENV_SCHEMA, type EnvName } from '../../../src/core/config';

/*
 * The deployment files (Dockerfile, .dockerignore, docker-compose.yml, .env.example) and the configuration
 * table of the docs must agree with src/core/config.ts, the one module that reads the environment. These tests
 * read the files; `npm run docker:steps` (scripts/docker-steps.js) runs the Dockerfile's steps.
 */

export const ROOT = join(__dirname, '..', '..', '..');
export const readProjectFile = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

export const ENV_NAME_SET: ReadonlySet<string> = new Set(ENV_NAMES);
export const sorted = (names: Iterable<string>): string[] => [...names].sort();

/** The value a variable takes when unset, written as in a file; undefined when it has none. */
export function defaultOf(name: string): string | undefined {
  if (!ENV_NAME_SET.has(name)) return undefined;
  const parsed = ENV_SCHEMA[name as EnvName].safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? String(parsed.data) : undefined;
}

export const DEFAULT_PORT = Number(defaultOf('PORT'));

export { ENV_NAMES, ENV_SCHEMA, type EnvName };
