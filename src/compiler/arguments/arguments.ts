import { badInput } from '../../core/errors';
import { LIMITS } from './limits';
import { FACT_TYPES, type FactType, factType } from '../../core/vocabulary';

/** A page size: a whole number from 1 to LIMITS.maxPageSize. */
export function pageSize(value: unknown, argument = 'first'): number {
  return boundedInt(value, argument, 1, LIMITS.maxPageSize);
}

/** A whole number within [min, max], or BAD_USER_INPUT naming the argument and the bounds. */
export function boundedInt(value: unknown, argument: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `must be between ${min} and ${max} (got ${String(value)})`);
  }
  return value;
}

/** A non-blank text of bounded length, trimmed. */
export function text(value: unknown, argument: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0) throw badInput(argument, 'must not be empty');
  if (trimmed.length > LIMITS.maxTextLength) {
    throw badInput(argument, `must be at most ${LIMITS.maxTextLength} characters (got ${trimmed.length})`);
  }
  return trimmed;
}

/** Relationship type names checked against the model's fact types; null/undefined means all of them. */
export function factTypes(value: readonly string[] | null | undefined, argument = 'types'): FactType[] {
  if (value === null || value === undefined) return [...FACT_TYPES];
  if (value.length === 0) throw badInput(argument, `must name at least one of ${FACT_TYPES.join(', ')}`);
  const types = value.map((name) => {
    const type = factType(name);
    if (!type) throw badInput(argument, `contains "${name}", which is not one of ${FACT_TYPES.join(', ')}`);
    return type;
  });
  return [...new Set(types)];
}
