import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { Evidence } from './evidence';

@ObjectType('EntityLink', {
  description: 'A relationship to another entity, with the sentences that state it.',
  simpleResolvers: true,
})
export class EntityLink {
  @Field(() => Entity, { description: 'The entity at the other end.' })
  entity!: Entity;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}
