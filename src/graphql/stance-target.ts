import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, Info, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';
import { Stance } from './stance';

/**
 * What actors take stances on: the fields Event and Program share. It is decorated as an object type only
 * because type-graphql passes fields down from decorated superclasses; no field returns it, so the schema
 * never contains it.
 */
@ObjectType('StanceTarget')
export abstract class StanceTarget extends Entity {
  @Field(() => [Stance], { description: 'Who opposed it, with evidence.' })
  opposedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Stance[] {
    return responseValue(this, info);
  }

  @Field(() => [Stance], { description: 'Who supported it, with evidence.' })
  supportedBy(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Stance[] {
    return responseValue(this, info);
  }
}
