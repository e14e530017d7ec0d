import { Field, ObjectType, registerEnumType, Int } from 'type-graphql';
import { GRAPHQL_STANCE_KINDS, type StanceKind as StanceKindName } from '../core/vocabulary';
import { Entity } from './entity';
import { Evidence } from './evidence';
import { Origin } from './origin';

/** A stance relationship type of the vocabulary. */
export const StanceKind = GRAPHQL_STANCE_KINDS;
export type StanceKind = StanceKindName;
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

  @Field(() => Origin, {
    description:
      'CURATED when a curated article states it, else EXTRACTED: each fact is one item, whatever its sources.',
  })
  origin!: Origin;

  @Field(() => Int, { description: 'How many distinct articles state it, curated and extracted.' })
  sourceCount!: number;
}
