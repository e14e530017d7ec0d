import type { GraphQLFieldResolver } from 'graphql';

/**
 * The default resolver of every field without a method of its own. Compiled queries return one object per
 * response key, so a field reads its alias first and falls back to its name (fields resolved elsewhere).
 */
export const responseKeyResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  const record = source as Record<string, unknown>;
  return info.path.key in record ? record[info.path.key as string] : record[info.fieldName];
};
