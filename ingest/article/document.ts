export type ArticleFormat = 'text' | 'markdown' | 'html';

/** Metadata read from the article itself (front matter, HTML meta, bylines). */
export interface ArticleMeta {
  title?: string;
  published?: string;
  author?: string;
  url?: string;
  source?: string;
}

/** Keys of front matter (and of plain-text header lines) that mean the same field, most specific first. */
export const META_KEYS: Record<keyof ArticleMeta, readonly string[]> = {
  title: ['title', 'headline'],
  published: ['published', 'date', 'published_at', 'publishDate', 'pubDate'],
  author: ['author', 'authors', 'byline'],
  url: ['url', 'canonical', 'canonical_url', 'link'],
  source: ['source', 'publication', 'publisher', 'site'],
};

/** An article as the pipeline sees it: its plain text (what quotes are checked against) and metadata. */
export interface ArticleDocument {
  file: string;
  path: string;
  format: ArticleFormat;
  text: string;
  meta: ArticleMeta;
  contentHash: string;
}

/** What a format's parser makes of the decoded file: the article text and the metadata found in it. */
export interface ParsedArticle {
  text: string;
  meta: ArticleMeta;
}

/** Drops the fields that were not found, so that metadata never carries empty or undefined values. */
export function compactMeta(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(
    Object.entries(meta).filter(([, value]) => typeof value === 'string' && value.trim().length > 0),
  ) as ArticleMeta;
}
