import { Field, ObjectType, Int } from 'type-graphql';
import { Entity } from './entity';
import { Evidence } from './evidence';
import { Origin } from './origin';

@ObjectType('EntityLink', {
  description: 'A relationship to another entity, with the sentences that state it.',
  simpleResolvers: true,
})
export class EntityLink {
  @Field(() => Entity, { description: 'The entity at the other end.' })
  entity!: Entity;

  @Field(() => [Evidence])
  evidence!: Evidence[];

  @Field(() => Origin, {
    description:
      'CURATED when a curated article states it, else EXTRACTED: each fact is one item, whatever its sources.',
  })
  origin!: Origin;

  @Field(() => Int, { description: 'How many distinct articles state it, curated and extracted.' })
  sourceCount!: number;
}
