import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, ID, Info, Int, ObjectType } from 'type-graphql';
import { Edge } from './subgraph';
import { Mention } from './mention';
import { Origin } from './origin';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';

@ObjectType('Article', { description: 'A news article the graph was built from.', simpleResolvers: true })
export class Article {
  @Field(() => ID, { description: 'Stable id, e.g. 004_7eba275eeb4bf9d5.' })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.' })
  published?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'The publication, e.g. Asian Journal.' })
  source?: string | null;

  @Field(() => Origin, { description: 'Curated (annotated by a person) or extracted (by the automatic extractor).' })
  origin!: Origin;

  @Field(() => String, {
    nullable: true,
    description:
      'The plain text the quotes were checked against; null for an article ingested before texts were kept. ' +
      'Served for one article at a time: only as article(id) { text }.',
  })
  text?: string | null;

  @Field(() => [Edge], { description: 'The facts this article is a source of, by type and the ids of their ends.' })
  facts(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Edge[] {
    return responseValue(this, info);
  }

  @Field(() => [Mention], { description: 'The entities the article mentions, by name, with the words it uses.' })
  mentions(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Mention[] {
    return responseValue(this, info);
  }
}
