import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { resolveFromGraph } from './execute';
import { LIMITS } from '../compiler/arguments/limits';
import type { Context } from './context';
import { Article } from './article';
import { EventConnection, SearchConnection, StanceConnection } from './connections';
import { Entity } from './entity';
import { Event } from './event';
import { rootFirst } from './page-args';
import { EventsArgs, SearchArgs, StancesArgs } from './query-args';
import { Stance } from './stance';
import { Subgraph } from './subgraph';

/**
 * The graph queries. Each resolver is the same one line: the whole operation is compiled into one Cypher
 * statement (src/compiler) and each root field picks its part of the single answer. Arguments are declared here
 * for the schema and read by the compiler.
 */
@Resolver()
export class GraphQueryResolver {
  @Query(() => Entity, { nullable: true, description: 'The entity with this id, or null.' })
  entity(@Arg('id', () => ID) _id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => Article, { nullable: true, description: 'The article with this id, or null.' })
  article(@Arg('id', () => ID) _id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => [Entity], {
    description:
      'Entities whose name or an alias matches the words of the text, tolerating case and small typos; best first.',
  })
  search(
    @Args(() => SearchArgs) _args: SearchArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => SearchConnection, { description: 'search, as a connection with cursors, scores and page info.' })
  searchConnection(
    @Args(() => SearchArgs) _args: SearchArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => [Stance], {
    description:
      'Who took this stance on what, ordered by event date then actor name. An unknown actionBy or actor gives an empty list.',
  })
  stances(
    @Args(() => StancesArgs) _args: StancesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => StanceConnection, { description: 'stances, as a connection.' })
  stancesConnection(
    @Args(() => StancesArgs) _args: StancesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => [Event], { description: 'Events matching every filter given, by date.' })
  events(
    @Args(() => EventsArgs) _args: EventsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => EventConnection, { description: 'events, as a connection.' })
  eventsConnection(
    @Args(() => EventsArgs) _args: EventsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => [Event], {
    description:
      'Events the entity initiated (itself, through a part of it, or through a person holding a role there), was targeted by or took a stance on (for a program: also those concerning it), by date.',
  })
  timeline(
    @Arg('id', () => ID) _id: string,
    @Arg('first', () => Int, rootFirst(LIMITS.maxPageSize)) _first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => Subgraph, {
    description: 'The entity and the entities within depth hops, nearest first, with the relationships among them.',
  })
  neighborhood(
    @Arg('id', () => ID) _id: string,
    @Arg('depth', () => Int, {
      nullable: true,
      defaultValue: 1,
      description: `Hops, 1 to ${LIMITS.maxNeighborhoodDepth}.`,
    })
    _depth: number,
    @Arg('types', () => [String], {
      nullable: true,
      description: 'Only these relationship types, e.g. ["OPPOSED", "INITIATED"].',
    })
    _types: string[] | null,
    @Arg('first', () => Int, rootFirst(100)) _first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }

  @Query(() => Subgraph, {
    nullable: true,
    description: 'A shortest path between two entities over fact relationships, or null when none within maxHops.',
  })
  path(
    @Arg('from', () => ID) _from: string,
    @Arg('to', () => ID) _to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4, description: `1 to ${LIMITS.maxPathHops}.` })
    _maxHops: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveFromGraph(info, ctx);
  }
}
