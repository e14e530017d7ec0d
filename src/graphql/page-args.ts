import { LIMITS } from '../compiler/arguments/limits';

/** Description of every nested `first` argument. */
export const NESTED_FIRST = {
  nullable: true,
  defaultValue: LIMITS.nestedPageSize,
  description: `How many to return, 1 to ${LIMITS.maxPageSize}.`,
} as const;

/** Description of a root list's `first` argument with its default. */
export function rootFirst(defaultValue: number) {
  return { nullable: true, defaultValue, description: `How many to return, 1 to ${LIMITS.maxPageSize}.` } as const;
}

/** The `after` argument of paginated lists. */
export const AFTER = {
  nullable: true,
  description: 'Start after this cursor (an edge cursor or endCursor from the matching connection field).',
} as const;
