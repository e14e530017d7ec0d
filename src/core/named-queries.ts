import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

const cache = new Map<string, string>();

/** Reads cypher/queries/<name>.cypher once; named queries live beside the migrations for review. */
export function namedQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(PROJECT_ROOT, 'cypher', 'queries', `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
