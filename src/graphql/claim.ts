import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Float, Info, Int, ObjectType } from 'type-graphql';
import { Article } from './article';
import { Origin } from './origin';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';

@ObjectType('Claim', {
  description:
    'The value one article gives one property of an entity or event. The node holds one value (a curated ' +
    "article's when there is one: extracted articles never change it); the claims keep every source's.",
  simpleResolvers: true,
})
export class Claim {
  @Field(() => String, {
    description: 'The property claimed, named as the field it sets: name, eventType, date, type, description, summary.',
  })
  property!: string;

  @Field(() => String, { description: 'The value the article gives it.' })
  value!: string;

  @Field(() => Origin, { description: "The article's origin: curated or extracted." })
  origin!: Origin;

  @Field(() => Article, { description: 'The article that claims it.' })
  article!: Article;

  @Field(() => String, { nullable: true, description: 'The words the article names the entity or event with.' })
  quote?: string | null;

  @Field(() => Float, { description: 'How sure the source is of it, 0 to 1 (1 for a curated annotation).' })
  confidence!: number;
}

@ObjectType('Conflict', {
  description: 'A property on which the articles disagree: the value the graph holds and every claim on it.',
  simpleResolvers: true,
})
export class Conflict {
  @Field(() => String, { description: 'The property, as in Claim.property.' })
  property!: string;

  @Field(() => String, { nullable: true, description: 'The value the graph holds (the field of the same name).' })
  value?: string | null;

  @Field(() => [String], { description: 'The distinct values the articles claim, in order.' })
  values!: string[];

  @Field(() => [Claim], { description: 'Each article’s claim on the property, curated first.' })
  claims(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Claim[] {
    return responseValue(this, info);
  }
}
