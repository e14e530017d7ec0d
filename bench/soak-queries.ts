import { benchQueries, type GraphQLRequest, type QueryParams } from './queries';

/**
 * The soak's mix: the benchmark's own requests to this service (bench/queries.ts) for an entity lookup, a
 * search, stances on a hub's events, a timeline, a depth-2 neighborhood and a path, sent in turn.
 */
const MIX: Record<string, string> = {
  'lookup by id': 'entity',
  search: 'search',
  'stances OPPOSED by DOJ': 'stances',
  timeline: 'timeline',
  'neighborhood d2': 'neighborhood d2',
  path: 'path',
};

/** One query of the mix, by its short name. */
export interface SoakQuery {
  name: string;
  request: GraphQLRequest;
}

/** The mix for the ids and names of a graph (bench/size.ts paramsFor). */
export function soakQueries(params: QueryParams): SoakQuery[] {
  const queries = benchQueries(params)
    .filter((q) => q.name in MIX)
    .map((q) => ({ name: MIX[q.name]!, request: q.ours }));
  if (queries.length !== Object.keys(MIX).length)
    throw new Error('bench/queries.ts no longer has every query of the soak mix');
  return queries;
}
