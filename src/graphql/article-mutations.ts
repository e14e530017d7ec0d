import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ErrorCode } from '../core/errors';
import { IngestArticleInput } from './article-input';
import { IngestArticleResult, RetractArticleResult } from './article-results';
import type { ArticleWriter, IngestedArticle, RetractedArticle } from './article-writer';
import type { Context } from './context';

/** The write path of this service; a service started without one (a read-only replica) says so. */
function writer(ctx: Context): ArticleWriter {
  if (ctx.articles) return ctx.articles;
  throw new GraphQLError('This service was started without a write path: send mutations to one that has it.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
  });
}

/**
 * The mutations: each is one line handing over to the ArticleWriter of the context. Who may call them (a
 * writer key), how often and with how large a body is decided before they run (src/server/plugins).
 */
@Resolver()
export class ArticleMutationResolver {
  @Mutation(() => IngestArticleResult, {
    description:
      'Puts an article in the graph, curated (with an annotation) or extracted (without), in one transaction: all of it or nothing. Needs a writer key.',
  })
  ingestArticle(
    @Arg('input', () => IngestArticleInput) input: IngestArticleInput,
    @Ctx() ctx: Context,
  ): Promise<IngestedArticle> {
    return writer(ctx).ingest(input);
  }

  @Mutation(() => RetractArticleResult, {
    description:
      "Takes an article out of the graph: its evidence and claims, and the nodes only it named; other articles' facts stay. Needs a writer key.",
  })
  retractArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<RetractedArticle> {
    return writer(ctx).retract(id);
  }
}
