/**
 * The write path as the schema sees it: what a mutation hands over and gets back. The implementation is built
 * by an entry point on top of the ingest pipeline (src/cli/pipeline-article-writer.ts), so that neither the
 * schema nor the server imports ingest/.
 */

/** One article to ingest, as a client sends it. */
export interface ArticleSubmission {
  /** Its file name: the extension gives the format, the stem the article id unless the annotation names one. */
  fileName: string;
  /** The file's text: plain text (optional `title:` … header lines), Markdown with front matter, or HTML. */
  content: string;
  /** A curated annotation in YAML (docs/annotations.md); without one the rule extractor reads the article. */
  annotation?: string | null;
  /** Metadata that wins over what the article and its annotation say. */
  title?: string | null;
  url?: string | null;
  published?: string | null;
  author?: string | null;
  source?: string | null;
}

/** What the graph's writes changed, as Neo4j counts them. */
export interface GraphCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** What became of an ingested article: the CLI's summary line for one article. */
export interface IngestedArticle extends GraphCounts {
  id: string;
  file: string;
  status: 'created' | 'updated' | 'unchanged';
  origin: 'curated' | 'extracted';
  /** Entities and events the article's annotation names. */
  entities: number;
  /** Fact relationships the annotation states (roles, relations, event links, stances). */
  facts: number;
}

/** What a retraction took out of the graph; `retracted` is false when the graph did not hold the article. */
export interface RetractedArticle {
  id: string;
  retracted: boolean;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

/**
 * Writes and retracts articles. Either call writes all of one article in one transaction or nothing, and
 * throws a GraphQLError with code BAD_USER_INPUT for an article or annotation that cannot be taken in.
 */
export interface ArticleWriter {
  ingest(article: ArticleSubmission): Promise<IngestedArticle>;
  retract(id: string): Promise<RetractedArticle>;
}
