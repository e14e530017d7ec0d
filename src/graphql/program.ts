import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { StanceTarget } from './stance-target';
import { Event } from './event';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';

@ObjectType('Program', {
  description: 'A grant, partnership, bill, law, policy or order.',
  implements: Entity,
  simpleResolvers: true,
})
export class Program extends StanceTarget {
  @Field(() => String, { nullable: true, description: 'grant, partnership, bill, law, policy or order.' })
  type?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Event], { description: 'Events concerning it, by date.' })
  concernedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Event[] {
    return responseValue(this, info);
  }

  @Field(() => [Event], { description: 'Events that targeted it, by date.' })
  targetedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Event[] {
    return responseValue(this, info);
  }
}
