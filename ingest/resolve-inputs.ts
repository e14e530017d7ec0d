/** Input resolution: what the command line's paths mean as pairs of an article and its annotation. */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ANNOTATIONS_DIR, CORPUS_DIR } from '../src/core/paths';
import { IngestInputError } from './errors';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
const ANNOTATION_EXTENSIONS = new Set(['.yaml', '.yml']);

/** One unit of work: an article file, and the annotation that describes it when there is one. */
export interface IngestInput {
  articlePath: string;
  annotationPath: string | null;
}

function stem(path: string): string {
  return basename(path, extname(path));
}

/** The annotation of an article: <stem>.yaml or .yml beside it, else <stem>.yaml in ingest/annotations; or null. */
export function findAnnotationFor(articlePath: string): string | null {
  const dir = dirname(articlePath);
  for (const candidate of [
    join(dir, `${stem(articlePath)}.yaml`),
    join(dir, `${stem(articlePath)}.yml`),
    join(ANNOTATIONS_DIR, `${stem(articlePath)}.yaml`),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The article an annotation names in article.file: beside the annotation, else in the sample corpus. */
export async function articleOfAnnotation(annotationPath: string): Promise<string> {
  const source = await readFile(annotationPath, 'utf8');
  const match = /^\s*file:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/m.exec(source);
  const file = match?.[1]?.trim();
  if (!file) throw new IngestInputError(basename(annotationPath), 'article.file is missing', 'article');
  const nearby = resolve(dirname(annotationPath), file);
  return existsSync(nearby) ? nearby : resolve(CORPUS_DIR, file);
}

/**
 * Expands the command line into inputs: article files (paired with an annotation by file stem), annotation
 * files (paired with the article they name) and folders of either. No paths means the sample corpus.
 */
export async function resolveInputs(paths: string[]): Promise<IngestInput[]> {
  const inputs = new Map<string, IngestInput>();
  const addArticle = (articlePath: string, annotationPath: string | null): void => {
    const key = resolve(articlePath);
    const existing = inputs.get(key);
    inputs.set(key, {
      articlePath: key,
      annotationPath: annotationPath ?? existing?.annotationPath ?? findAnnotationFor(key),
    });
  };
  for (const path of paths.length > 0 ? paths : [CORPUS_DIR]) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new IngestInputError(path, 'no such file or folder');
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) {
        if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) addArticle(join(path, name), null);
      }
    } else if (ANNOTATION_EXTENSIONS.has(extname(path).toLowerCase())) {
      addArticle(await articleOfAnnotation(path), resolve(path));
    } else {
      addArticle(path, null);
    }
  }
  return [...inputs.values()];
}
