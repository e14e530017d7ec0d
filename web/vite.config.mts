import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * /explore's entry (web/src/explore/main.ts) only sends the first requests and then imports the rest of the page
 * (app.ts); a <link rel=modulepreload> in the page's head has the browser fetch and compile that chunk while the
 * entry runs, instead of after it.
 */
const preloadExplorerApp: Plugin = {
  name: 'preload-explorer-app',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      if (!ctx.filename.endsWith('explore.html') || !ctx.bundle) return;
      const app = Object.values(ctx.bundle).find(
        (c) => c.type === 'chunk' && (c.facadeModuleId ?? '').endsWith('/src/explore/app.ts'),
      );
      if (!app) throw new Error('vite.config.mts: no chunk of web/src/explore/app.ts to preload in explore.html');
      return [
        {
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/ui/${app.fileName}` },
          injectTo: 'head',
        },
      ];
    },
  },
};

/**
 * Builds the two browser pages the service serves itself (src/server/web-router.ts): /explore and GraphiQL on
 * /graphql. Everything lands in dist/web, served under /ui/; nothing is loaded from another host.
 */
export default defineConfig({
  root: here,
  base: '/ui/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [preloadExplorerApp],
  build: {
    // Every browser the pages support preloads modules itself: no polyfill script to fetch first.
    modulePreload: { polyfill: false },
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
