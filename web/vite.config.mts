import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the two browser pages the service serves itself (src/server/web-router.ts): /explore and GraphiQL on
 * /graphql. Everything lands in dist/web, served under /ui/; nothing is loaded from another host.
 */
export default defineConfig({
  root: here,
  base: '/ui/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    // GraphiQL brings Monaco: its chunks are large by nature.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // GraphiQL's dependencies mark modules "use client"; that means nothing in a plain bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        explore: resolve(here, 'explore.html'),
        graphiql: resolve(here, 'graphiql.html'),
      },
    },
  },
  // Monaco's editor, JSON and GraphQL workers (graphiql/setup-workers/vite) are bundled as ES workers.
  worker: { format: 'es' },
});
