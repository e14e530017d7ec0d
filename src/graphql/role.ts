import { Field, ObjectType, Int } from 'type-graphql';
import { Entity } from './entity';
import { Evidence } from './evidence';
import { Origin } from './origin';
import { Person } from './person';

@ObjectType('Role', {
  description: 'A person holds a role (a title) at an agency, organization or jurisdiction.',
  simpleResolvers: true,
})
export class Role {
  @Field(() => String, { description: 'e.g. Attorney General, Mayor, Police Chief.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'When the role began, when known (ISO date).' })
  start?: string | null;

  @Field(() => String, { nullable: true, description: 'When the role ended, when known (ISO date).' })
  end?: string | null;

  @Field(() => Person, { description: 'Who holds the role.' })
  person!: Person;

  @Field(() => Entity, { description: 'Where: an agency, organization or jurisdiction.' })
  organization!: Entity;

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
