import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Actor } from './actor';
import { Entity } from './entity';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';
import { Role } from './role';

@ObjectType('Person', { description: 'A person.', implements: [Entity, Actor], simpleResolvers: true })
export class Person extends Actor {
  @Field(() => [Role], { description: 'Roles the person holds or held, with evidence.' })
  roles(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Role[] {
    return responseValue(this, info);
  }
}
