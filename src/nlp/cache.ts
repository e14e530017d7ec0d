import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The key of one annotation: sha256 over the CoreNLP version, the properties (in a fixed key order) and the
 * text, so a change of any of the three computes anew and nothing else does.
 */
export function cacheKey(text: string, properties: Readonly<Record<string, string>>, version: string): string {
  const sorted = Object.keys(properties)
    .sort()
    .map((k) => [k, properties[k]]);
  return createHash('sha256')
    .update(JSON.stringify({ version, properties: sorted }))
    .update('\0')
    .update(text)
    .digest('hex');
}

/** Annotations on disk, one `<key>.json` each, so reruns (eval, tests, benches) do not annotate again. */
export class AnnotationCache {
  constructor(readonly dir: string) {}

  /** The file that holds (or will hold) key. */
  file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The stored annotation, or undefined when there is none (or it cannot be read as JSON). */
  async get(key: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.file(key), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Stores an annotation; written under a temporary name and renamed, so a reader never sees half a file. */
  async put(key: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const partial = `${this.file(key)}.partial-${process.pid}`;
    await writeFile(partial, JSON.stringify(value));
    await rename(partial, this.file(key));
  }
}
