import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { StanceTarget } from './stance-target';
import { EntityLink } from './entity-link';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';

@ObjectType('Event', {
  description: 'A dated action: a speech, memo, threat, lawsuit, ruling, order, boycott...',
  implements: Entity,
  simpleResolvers: true,
})
export class Event extends StanceTarget {
  @Field(() => String, { description: 'What kind of action, e.g. threat, lawsuit, statement.' })
  eventType!: string;

  @Field(() => String, { nullable: true, description: 'ISO date of any precision: 2018-01-24, 2018-01 or 2018.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'day, month or year.' })
  datePrecision?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [EntityLink], { description: 'Who initiated it, each with the sentences that say so.' })
  initiatedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Whom or what it targeted.' })
  targets(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Programs it concerns.' })
  concerns(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [Event], { description: 'Events that targeted it: responses, lawsuits, rulings.' })
  targetedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Event[] {
    return responseValue(this, info);
  }
}
