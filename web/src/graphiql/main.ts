import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { examples } from '../examples';

type FetcherParams = { query: string; operationName?: string | null; variables?: unknown };

/** Posts to this service's own /graphql. */
async function fetcher(params: FetcherParams, options?: { headers?: Record<string, string> }): Promise<unknown> {
  const response = await fetch(new URL('/graphql', window.location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
}

const container = document.getElementById('graphiql')!;
container.textContent = '';
createRoot(container).render(
  createElement(GraphiQL, {
    fetcher: fetcher as never,
    plugins: [explorerPlugin()],
    // One tab per example of schema/examples; the first is open.
    defaultTabs: examples.map((e) => ({ query: e.source })),
    defaultEditorToolsVisibility: false,
  }),
);
