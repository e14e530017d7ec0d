import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ArticleMutationResolver } from './article-mutations';
import { ENTITY_TYPES } from './entity-types';
import { GraphQueryResolver } from './graph-query';
import { HealthResolver } from './health';

/** Every resolver class of the API, in one list: the schema is generated from them. */
export const RESOLVERS = [HealthResolver, GraphQueryResolver, ArticleMutationResolver] as const;

/** Builds the executable GraphQL schema from the type-graphql classes. */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], orphanedTypes: [...ENTITY_TYPES], validate: false });
}
