import type { GraphQLResolveInfo } from 'graphql';

/**
 * The value the compiled statement stored for this field under its response key. Fields with arguments
 * have a type-graphql method, so they read it here instead of through the alias-aware default resolver.
 */
export function responseValue<T>(source: object, info: GraphQLResolveInfo): T {
  return (source as Record<string, unknown>)[info.path.key as string] as T;
}
