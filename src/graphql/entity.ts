import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Field, ID, Info, Int, InterfaceType, registerEnumType } from 'type-graphql';
import { GRAPHQL_KINDS, type GraphQLKind } from '../core/vocabulary';
import { Article } from './article';
import { Claim, Conflict } from './claim';
import { Mention } from './mention';
import { Origin } from './origin';
import { NESTED_FIRST } from './page-args';
import { responseValue } from './response-value';

/** The kind of an entity, one per kind label of the vocabulary (docs/model.md). */
export const EntityKind = GRAPHQL_KINDS;
export type EntityKind = GraphQLKind;
registerEnumType(EntityKind, { name: 'EntityKind', description: 'What an entity is.' });

/** Compiled projections carry the concrete type, computed from the node's labels. */
export function resolveEntityType(value: unknown): string | undefined {
  return (value as { __typename?: string } | null)?.__typename;
}

@InterfaceType('Entity', {
  description: 'Anything the articles talk about: a person, agency, organization, jurisdiction, program or event.',
  resolveType: resolveEntityType,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable slug, e.g. jeff-sessions.' })
  id!: string;

  @Field(() => String, { description: 'Canonical name.' })
  name!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => [String], { description: 'Other names the articles use.' })
  aliases!: string[];

  @Field(() => Origin, {
    description: 'CURATED when a curated article declares it, else EXTRACTED.',
  })
  origin!: Origin;

  @Field(() => [Article], { description: 'Articles that mention it, most recent first.' })
  mentionedIn(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Article[] {
    return responseValue(this, info);
  }

  @Field(() => [Mention], { description: 'Where each article mentions it, with the words it uses.' })
  mentions(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Mention[] {
    return responseValue(this, info);
  }

  @Field(() => [Claim], {
    description:
      'What each article says of its properties (name, type, date...), with origin and confidence: by property, curated first.',
  })
  claims(@Arg('first', () => Int, NESTED_FIRST) _first: number, @Info() info: GraphQLResolveInfo): Claim[] {
    return responseValue(this, info);
  }

  @Field(() => [Conflict], {
    description: 'The properties on which its articles disagree (e.g. an extracted date beside the curated one).',
  })
  conflicts(@Info() info: GraphQLResolveInfo): Conflict[] {
    return responseValue(this, info);
  }
}
