import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity';
import { Event } from './event';
import { Stance } from './stance';

@ObjectType('PageInfo', { description: 'Where a page sits in the whole list.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page.' })
  startCursor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor?: string | null;
}

@ObjectType('StanceEdge', { simpleResolvers: true })
export class StanceEdge {
  @Field(() => String, { description: 'Opaque cursor of this position.' })
  cursor!: string;

  @Field(() => Stance)
  node!: Stance;
}

@ObjectType('StanceConnection', { description: 'A page of stances.', simpleResolvers: true })
export class StanceConnection {
  @Field(() => [StanceEdge])
  edges!: StanceEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many stances match in all.' })
  totalCount!: number;
}

@ObjectType('EventEdge', { simpleResolvers: true })
export class EventEdge {
  @Field(() => String, { description: 'Opaque cursor of this position.' })
  cursor!: string;

  @Field(() => Event)
  node!: Event;
}

@ObjectType('EventConnection', { description: 'A page of events.', simpleResolvers: true })
export class EventConnection {
  @Field(() => [EventEdge])
  edges!: EventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many events match in all.' })
  totalCount!: number;
}

@ObjectType('SearchEdge', { simpleResolvers: true })
export class SearchEdge {
  @Field(() => String, { description: 'Opaque cursor of this position.' })
  cursor!: string;

  @Field(() => Entity)
  node!: Entity;

  @Field(() => Float, { description: 'Relevance: higher is better; only comparable within one search.' })
  score!: number;
}

@ObjectType('SearchConnection', { description: 'A page of search results, best first.', simpleResolvers: true })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many entities match in all (among the best 500 index hits).' })
  totalCount!: number;
}
