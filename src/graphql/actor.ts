import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, InterfaceType } from 'type-graphql';
import { Entity, resolveEntityType } from './entity';
import { EntityLink } from './entity-link';
import { Event } from './event';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';
import { Stance, StanceKind } from './stance';

@InterfaceType('Actor', {
  description: 'An entity that acts: a person, agency, organization or jurisdiction.',
  implements: Entity,
  resolveType: resolveEntityType,
})
export abstract class Actor extends Entity {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Event], { description: 'Events it initiated, by date. Their initiatedBy carries the evidence.' })
  initiated(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Event[] {
    return responseValue(this, info);
  }

  @Field(() => [Stance], { description: 'Stances it took on events and programs, by the date of the event.' })
  stances(
    @Arg('kind', () => StanceKind, { nullable: true, description: 'Only this kind of stance.' })
    _kind: StanceKind | null,
    @Arg('first', () => Int, NESTED_FIRST) _first: number,
    @Info() info: GraphQLResolveInfo,
  ): Stance[] {
    return responseValue(this, info);
  }

  @Field(() => [Event], { description: 'Events that targeted it, by date.' })
  targetedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Event[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Agencies it cooperated with.' })
  cooperatedWith(
    @Arg('first', () => Int, NESTED_FIRST) _first: number,
    @Info() info: GraphQLResolveInfo,
  ): EntityLink[] {
    return responseValue(this, info);
  }
}
