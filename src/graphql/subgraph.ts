import { Field, ID, ObjectType, Int } from 'type-graphql';
import { Entity } from './entity';
import { Evidence } from './evidence';
import { Origin } from './origin';

@ObjectType('Edge', {
  description: 'A fact relationship between two entities, with its evidence.',
  simpleResolvers: true,
})
export class Edge {
  @Field(() => String, { description: 'Relationship type, e.g. OPPOSED or HOLDS_ROLE.' })
  type!: string;

  @Field(() => ID, { description: 'Id of the entity the relationship starts at.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the entity it points to.' })
  to!: string;

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

@ObjectType('Subgraph', { description: 'Entities and the fact relationships among them.', simpleResolvers: true })
export class Subgraph {
  @Field(() => [Entity])
  nodes!: Entity[];

  @Field(() => [Edge])
  edges!: Edge[];
}
