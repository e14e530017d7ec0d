import {
  Arg,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { NEVER_CACHED } from './cache-control';
import type { Change } from '../core/change-log';
import { CHANGE_KINDS, type ChangeKind as Kind } from '../core/change-log';
import { changeStream } from './change-stream';
import type { Context } from './context';
import { Origin } from './origin';

/** What happened to an article, as the change log records it. */
export const ChangeKind = Object.fromEntries(CHANGE_KINDS.map((k) => [k, k])) as { [K in Kind]: K };
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to an article.',
  valuesConfig: {
    INGESTED: { description: 'Written for the first time.' },
    UPDATED: { description: 'Written again from other content or another annotation.' },
    RETRACTED: { description: 'Taken out of the graph with the facts only it stated.' },
  },
});

@ObjectType('ChangedArticle', { description: 'The article of a change, as it was when the change was committed.' })
export class ChangedArticle {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Origin)
  origin!: Origin;

  @Field(() => String, { nullable: true, description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.' })
  published?: string | null;
}

// An event is delivered once, as it happens.
@Directive(NEVER_CACHED)
@ObjectType('ArticleChange', { description: 'One entry of the change log, delivered to subscribers by every replica.' })
export class ArticleChange {
  @Field(() => Int, { description: 'Its place in the log: strictly increasing in commit order.' })
  seq!: number;

  @Field(() => String, { description: 'When it was committed (ISO 8601, the database clock).' })
  at!: string;

  @Field(() => ChangeKind)
  kind!: Kind;

  @Field(() => ChangedArticle)
  article!: ChangedArticle;

  @Field(() => [ID], { description: 'Entities (events included) the article mentions or mentioned before the change.' })
  entityIds!: string[];
}

/** The subscription payload of a logged change. */
function asArticleChange(change: Change): ArticleChange {
  return {
    seq: change.seq,
    at: change.at,
    kind: change.kind,
    article: {
      id: change.articleId,
      title: change.title,
      origin: change.origin as Origin,
      published: change.published,
    },
    entityIds: change.entityIds,
  };
}

@Resolver()
export class ChangeResolver {
  @Subscription(() => ArticleChange, {
    description:
      'Each article written for the first time or again, by any replica or the ingest CLI (over graphql-ws).',
    subscribe: ({ context }: { context: Context }) =>
      changeStream(context.changes, (c) => c.kind === 'INGESTED' || c.kind === 'UPDATED'),
  })
  articleIngested(@Root() change: Change): ArticleChange {
    return asArticleChange(change);
  }

  @Subscription(() => ArticleChange, {
    description: 'Each article taken out of the graph (over graphql-ws).',
    subscribe: ({ context }: { context: Context }) => changeStream(context.changes, (c) => c.kind === 'RETRACTED'),
  })
  articleRetracted(@Root() change: Change): ArticleChange {
    return asArticleChange(change);
  }

  @Subscription(() => ArticleChange, {
    description: 'Each change of an article that mentions, or mentioned, the entity with this id (over graphql-ws).',
    subscribe: ({ context, args }: { context: Context; args: { id: string } }) =>
      changeStream(context.changes, (c) => c.entityIds.includes(args.id)),
  })
  entityChanged(
    @Arg('id', () => ID, { description: 'The entity id, e.g. eric-garcetti.' }) _id: string,
    @Root() change: Change,
  ): ArticleChange {
    return asArticleChange(change);
  }
}
