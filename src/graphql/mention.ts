import { Field, ObjectType } from 'type-graphql';
import { Article } from './article';
import { Entity } from './entity';

@ObjectType('Mention', { description: 'An article naming an entity, and the words it uses.', simpleResolvers: true })
export class Mention {
  @Field(() => String, { nullable: true, description: 'The words the article names it with, when recorded.' })
  quote?: string | null;

  @Field(() => Article)
  article!: Article;

  @Field(() => Entity)
  entity!: Entity;
}
