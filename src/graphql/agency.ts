import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Actor } from './actor';
import { Entity } from './entity';
import { EntityLink } from './entity-link';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';
import { Role } from './role';

@ObjectType('Agency', {
  description: 'A government body: the Department of Justice, ICE, a police department, a county commission, a court.',
  implements: [Entity, Actor],
  simpleResolvers: true,
})
export class Agency extends Actor {
  @Field(() => String, { nullable: true, description: 'e.g. department, police, court.' })
  type?: string | null;

  @Field(() => [EntityLink], { description: 'Agencies it is part of (ICE is part of DHS).' })
  partOf(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Agencies that are part of it.' })
  parts(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Jurisdictions it serves.' })
  serves(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [Role], { description: 'People holding roles in it.' })
  members(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Role[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Actors that cooperated with it.' })
  cooperators(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }
}
