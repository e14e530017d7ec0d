/**
 * The layers of docs/architecture.md, checked by `npm run lint`: a wrong import fails CI.
 *
 *   core (config, database, vocabulary, errors)  ←  compiler  ←  graphql  ←  server
 *                                                ←  ingest
 *                                                ←  neo4j (the embedded server's launcher)
 *                                                ←  nlp (the Stanford CoreNLP launcher and client)
 *   entry points (src/main.ts, src/seed.ts, src/cli/, ingest/cli.ts, ingest/eval-extract.ts) compose them;
 *   bench/ and tests/ may use any. src/cli/extractor-choice.ts is where ingest's extractors meet src/nlp.
 */
const ENTRY = '^(src/main\\.ts|src/seed\\.ts|src/cli/|ingest/cli\\.ts|ingest/eval-extract\\.ts)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes two modules one; split what they share into a third. The GraphQL object types are exempt: a graph schema is recursive (Person → Role → Person), and type-graphql resolves those references lazily through thunks.',
      from: { pathNot: '^src/graphql/' },
      to: { circular: true },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'src/core depends on nothing of the project outside itself.',
      from: { path: '^src/core/' },
      to: { path: '^(src|ingest|bench|web)/', pathNot: '^src/core/' },
    },
    {
      name: 'compiler-is-pure',
      severity: 'error',
      comment:
        'The GraphQL-to-Cypher compiler translates; it never executes. It sees the vocabulary and the error types of core, nothing that talks to a database or serves HTTP.',
      from: { path: '^src/compiler/' },
      to: {
        path: '^(src|ingest)/',
        pathNot: ['^src/compiler/', '^src/core/(vocabulary|errors)\\.ts$'],
      },
    },
    {
      name: 'graphql-over-compiler',
      severity: 'error',
      comment:
        'The type-graphql schema and resolvers use the compiler and core; never the server, launcher or pipeline.',
      from: { path: '^src/graphql/' },
      to: { path: '^(src/server|src/neo4j|src/nlp|src/cli|ingest)/' },
    },
    {
      name: 'server-never-ingests',
      severity: 'error',
      comment: 'The service never imports the pipeline, the launcher or an entry point.',
      from: { path: '^src/server/' },
      to: { path: '^(ingest|src/neo4j|src/nlp|src/cli)/|^src/(main|seed)\\.ts$' },
    },
    {
      name: 'ingest-uses-core-only',
      severity: 'error',
      comment: 'The pipeline stands on core alone; only its CLI (an entry point) composes it with the launcher.',
      from: { path: '^ingest/', pathNot: ENTRY },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'launcher-uses-core-only',
      severity: 'error',
      from: { path: '^src/neo4j/' },
      to: { path: '^(src|ingest)/', pathNot: ['^src/neo4j/', '^src/core/'] },
    },
    {
      name: 'nlp-uses-core-only',
      severity: 'error',
      comment:
        'The CoreNLP launcher and client know nothing of the pipeline: an interface joins them (ingest/extract/extractor.ts).',
      from: { path: '^src/nlp/' },
      to: { path: '^(src|ingest)/', pathNot: ['^src/nlp/', '^src/core/'] },
    },
    {
      name: 'nothing-imports-entry-points',
      severity: 'error',
      comment: 'Entry points compose layers; a layer that imports one points the wrong way.',
      from: { path: '^(src|ingest)/', pathNot: ENTRY },
      to: { path: ENTRY },
    },
    {
      name: 'web-is-a-browser-bundle',
      severity: 'error',
      comment: 'The pages under web/ run in a browser: they talk to the service over HTTP only.',
      from: { path: '^web/' },
      to: { path: '^(src|ingest|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
