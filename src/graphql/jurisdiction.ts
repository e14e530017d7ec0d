import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Actor } from './actor';
import { Entity } from './entity';
import { EntityLink } from './entity-link';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';
import { Role } from './role';

@ObjectType('Jurisdiction', {
  description: 'A country, state, county or city.',
  implements: [Entity, Actor],
  simpleResolvers: true,
})
export class Jurisdiction extends Actor {
  @Field(() => String, { nullable: true, description: 'country, state, county or city.' })
  type?: string | null;

  @Field(() => [EntityLink], { description: 'Jurisdictions it is part of (Los Angeles is part of California).' })
  partOf(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Jurisdictions that are part of it.' })
  parts(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [EntityLink], { description: 'Agencies that serve it (its police department).' })
  servedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): EntityLink[] {
    return responseValue(this, info);
  }

  @Field(() => [Role], { description: 'People holding roles in it: mayors, governors, presidents.' })
  officials(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Role[] {
    return responseValue(this, info);
  }
}
