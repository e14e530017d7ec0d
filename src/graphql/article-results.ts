import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NEVER_CACHED } from './cache-control';
import type { IngestedArticle, RetractedArticle } from './article-writer';
import { Origin } from './origin';

/** The CLI's statuses of a written article; the API spells them in capitals. */
export const IngestStatus = { CREATED: 'created', UPDATED: 'updated', UNCHANGED: 'unchanged' } as const;
registerEnumType(IngestStatus, {
  name: 'IngestStatus',
  description: 'What ingesting did to the article.',
  valuesConfig: {
    CREATED: { description: 'The graph did not hold the article: it is in now.' },
    UPDATED: { description: 'The article or its annotation changed: what it said before was replaced.' },
    UNCHANGED: { description: 'The graph holds the article as sent: nothing was written.' },
  },
});

@Directive(NEVER_CACHED)
@ObjectType({ description: 'What became of an ingested article, as the ingest CLI summarizes it.' })
export class IngestArticleResult implements Omit<IngestedArticle, 'origin'> {
  @Field(() => ID, { description: 'The article id: article.id of the annotation, or the file name without extension.' })
  id!: string;

  @Field(() => String)
  file!: string;

  @Field(() => IngestStatus)
  status!: IngestedArticle['status'];

  @Field(() => Origin, { description: 'CURATED with an annotation, EXTRACTED when the rule extractor read it.' })
  origin!: Origin;

  @Field(() => Int, { description: 'Entities and events the article names.' })
  entities!: number;

  @Field(() => Int, { description: 'Facts the article states (roles, relations, event links, stances).' })
  facts!: number;

  @Field(() => Int)
  nodesCreated!: number;

  @Field(() => Int)
  nodesDeleted!: number;

  @Field(() => Int)
  relationshipsCreated!: number;

  @Field(() => Int)
  relationshipsDeleted!: number;

  @Field(() => Int)
  propertiesSet!: number;
}

@Directive(NEVER_CACHED)
@ObjectType({ description: 'What retracting an article took out of the graph.' })
export class RetractArticleResult implements RetractedArticle {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { description: 'False when the graph did not hold the article (retracting twice is once).' })
  retracted!: boolean;

  @Field(() => Int, { description: 'Nodes deleted: the evidence and claims of the article, and what only it named.' })
  nodesDeleted!: number;

  @Field(() => Int)
  relationshipsDeleted!: number;
}
