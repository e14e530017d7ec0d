import { Field, Float, ObjectType } from 'type-graphql';
import { Article } from './article';

@ObjectType('Evidence', {
  description: 'A sentence that states a fact, and the article it is from.',
  simpleResolvers: true,
})
export class Evidence {
  @Field(() => String, { description: 'The verbatim sentence.' })
  quote!: string;

  @Field(() => Article)
  article!: Article;

  @Field(() => Float, {
    nullable: true,
    description: 'How directly the sentence states the fact, 0 to 1 (1 when explicit).',
  })
  confidence?: number | null;
}
