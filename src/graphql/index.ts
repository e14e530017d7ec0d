import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { ArticleMutationResolver } from './article-mutations';
import { ChangeResolver } from './changes';
import { ENTITY_TYPES } from './entity-types';
import { GraphQueryResolver } from './graph-query';
import { HealthResolver } from './health';
import { SCHEMA_DIRECTIVES } from './cache-control';

/** Every resolver class of the API, in one list: the schema is generated from them. */
export const RESOLVERS = [HealthResolver, GraphQueryResolver, ArticleMutationResolver, ChangeResolver] as const;

/**
 * type-graphql insists on a PubSub once there are subscriptions, but every subscription here has its own
 * `subscribe` reading this replica's change follower (a process-local PubSub would miss other replicas' and
 * the CLI's writes): topics are never used, and one that were would fail loudly.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('subscriptions read the change log (src/core/change-follower.ts); there are no topics');
  },
  subscribe() {
    throw new Error('subscriptions read the change log (src/core/change-follower.ts); there are no topics');
  },
};

/** Builds the executable GraphQL schema from the type-graphql classes. */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    orphanedTypes: [...ENTITY_TYPES],
    validate: false,
    pubSub: NO_TOPICS,
    directives: SCHEMA_DIRECTIVES,
  });
}
