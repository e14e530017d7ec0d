/**
 * The service's parts that need no database, in one module that main.ts loads while Neo4j boots: loading them
 * (express, Apollo, type-graphql, the ingest pipeline) is a second or more of a start, which then overlaps the
 * JVM's instead of preceding its spawn.
 */
export { startApp } from '../server/app';
export { createMetrics, recordIngest } from '../server/metrics';
export { seedIfEmpty } from '../seed';
export { pipelineArticleWriter } from './pipeline-article-writer';
export { setUpExtractor } from './extractor-choice';
export { buildGraphSchema } from '../graphql';
