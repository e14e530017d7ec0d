/**
 * The API's write path built on the ingest pipeline: an entry-point module, because src/server and
 * src/graphql never import ingest/ (docs/architecture.md). main.ts hands it to the app; the mutations call it
 * through the context.
 */
import { GraphQLError } from 'graphql';
import type { Database } from '../core/database';
import { ErrorCode } from '../core/errors';
import type { ArticleSubmission, ArticleWriter, IngestedArticle, RetractedArticle } from '../graphql/article-writer';
import { ingestArticleText } from '../../ingest/article-submission';
import { IngestInputError } from '../../ingest/errors';
import type { Extractor } from '../../ingest/extract/extractor';
import { retractArticles } from '../../ingest/pipeline';

/** The line number in a place such as "events[0].quotes[0], line 12", when it has one. */
function lineOf(where: string | undefined): number | undefined {
  const match = where ? /\bline (\d+)/.exec(where) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * The client's error for a file the pipeline refused, with what the CLI would print as its message and the
 * file, place, line and every problem in extensions, so that a client can point at each.
 */
export function inputErrorToGraphQL(error: IngestInputError): GraphQLError {
  const line = lineOf(error.where ?? error.problems?.[0]?.where);
  return new GraphQLError(error.message, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      file: error.file,
      ...(error.where ? { where: error.where } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(error.problems ? { problems: error.problems.map((p) => ({ ...p, line: lineOf(p.where) ?? null })) } : {}),
    },
  });
}

/** Runs a pipeline call, turning its input errors into the client's BAD_USER_INPUT. */
async function asClientErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IngestInputError) throw inputErrorToGraphQL(error);
    throw error;
  }
}

/** The ArticleWriter over the ingest pipeline; raw articles are read by `extractor` (the rules by default). */
export function pipelineArticleWriter(db: Database, options: { extractor?: Extractor } = {}): ArticleWriter {
  return {
    ingest: (article: ArticleSubmission): Promise<IngestedArticle> =>
      asClientErrors(async () => {
        const { counts, ...outcome } = await ingestArticleText(
          db,
          {
            fileName: article.fileName,
            content: article.content,
            annotation: article.annotation,
            meta: {
              title: article.title,
              url: article.url,
              published: article.published,
              author: article.author,
              source: article.source,
            },
          },
          options,
        );
        return { ...outcome, ...counts };
      }),
    retract: async (id: string): Promise<RetractedArticle> => {
      const { retracted, counts } = await retractArticles(db, [id]);
      return {
        id,
        retracted: retracted.includes(id),
        nodesDeleted: counts.nodesDeleted,
        relationshipsDeleted: counts.relationshipsDeleted,
      };
    },
  };
}
