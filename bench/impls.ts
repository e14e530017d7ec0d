/** The three implementations of every benchmark query, in the order they are measured and reported. */
export const IMPLS = ['ours', 'neo4jGraphql', 'raw'] as const;
/** One implementation: this service, the @neo4j/graphql server, or raw Cypher through the driver. */
export type Impl = (typeof IMPLS)[number];
