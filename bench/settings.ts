/**
 * Memory of the benchmark's throw-away Neo4j: enough page cache for the 1M graph's store to stay in memory,
 * as a production server would be sized, so that the figures measure Cypher and not the disk.
 */
export const BENCH_NEO4J_HEAP = '2g';
export const BENCH_NEO4J_PAGECACHE = '2g';
