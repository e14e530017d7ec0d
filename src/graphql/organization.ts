import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Actor } from './actor';
import { Entity } from './entity';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';
import { Role } from './role';

@ObjectType('Organization', {
  description: 'A non-government body: an advocacy group, an association, a newspaper.',
  implements: [Entity, Actor],
  simpleResolvers: true,
})
export class Organization extends Actor {
  @Field(() => String, { nullable: true, description: 'e.g. advocacy, association, newspaper.' })
  type?: string | null;

  @Field(() => [Role], { description: 'People holding roles in it.' })
  members(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Role[] {
    return responseValue(this, info);
  }
}
