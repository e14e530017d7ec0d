import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../../ingest/annotation/format';
import type { ArticleDocument, ArticleMeta } from '../../../ingest/article/read';
import { readAnnotation } from '../../../ingest/annotation/read';

/** An in-memory article, as readArticleFile would return it, for rules that need no file. */
export function articleOf(text: string, meta: ArticleMeta = {}, file = 'test.txt'): ArticleDocument {
  return { file, path: file, format: 'text', text, meta, contentHash: 'test' };
}

export const ANNOTATIONS_DIR = join(__dirname, '../../../ingest/annotations');
export const CORPUS_DIR = join(__dirname, '../../../ingest/corpus');

/** The curated annotations of the seed corpus, by file stem. */
export function curatedAnnotations(): Map<string, Annotation> {
  const all = new Map<string, Annotation>();
  for (const file of readdirSync(ANNOTATIONS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    all.set(
      file.replace(/\.yaml$/, ''),
      readAnnotation(readFileSync(join(ANNOTATIONS_DIR, file), 'utf8'), file).annotation,
    );
  }
  return all;
}
