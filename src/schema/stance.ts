import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity } from './entity';
import { Evidence } from './evidence';

/** A stance relationship type of the model. */
export enum StanceKind {
  OPPOSED = 'OPPOSED',
  SUPPORTED = 'SUPPORTED',
}
registerEnumType(StanceKind, { name: 'StanceKind', description: 'Whether an actor opposed or supported something.' });

@ObjectType('Stance', {
  description: 'An actor opposed or supported an event or a program, with the sentences that say so.',
  simpleResolvers: true,
})
export class Stance {
  @Field(() => StanceKind)
  kind!: StanceKind;

  @Field(() => Entity, { description: 'Who took the stance.' })
  actor!: Entity;

  @Field(() => Entity, { description: 'What it was taken on: an event (an action) or a program.' })
  target!: Entity;

  @Field(() => [Evidence])
  evidence!: Evidence[];
}
