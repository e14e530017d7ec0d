import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response, Router } from 'express';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { PROJECT_ROOT } from '../core/paths';
import { ASSET_POLICY, EXPLORE_POLICY, GRAPHIQL_POLICY, type Policy, setPolicy } from './security-headers';

/** Where `npm run build:web` (vite, web/vite.config.mts) puts the browser pages. */
export const WEB_DIST_DIR = join(PROJECT_ROOT, 'dist', 'web');

/** True when a GET asks for a page (a browser) rather than a GraphQL answer. */
function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (typeof req.query.query === 'string') return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * The browser side of the service, built by vite into dist/web and served from it, with nothing loaded
 * from another host: /explore (the analyst page), GraphiQL on a browser GET of /graphql when
 * config.graphiql is on, and their assets under /ui/, each with its Content-Security-Policy
 * (security-headers.ts). Mount it before the /graphql middleware.
 */
export function webRouter(config: Config, logger: Logger, dir: string = WEB_DIST_DIR): Router {
  const router = Router();
  const built = existsSync(join(dir, 'explore.html'));
  if (!built) logger.warn({ dir }, 'browser pages are not built (npm run build): /explore answers 503');

  const page = (file: string, policy: Policy) => (_req: Request, res: Response) => {
    setPolicy(res, policy);
    if (!built) {
      res.status(503).type('text/plain').send('The browser pages are not built: run `npm run build`.');
      return;
    }
    res.set('cache-control', 'no-cache');
    res.sendFile(join(dir, file));
  };

  // Hashed file names: cache for a year. Monaco's workers are among them, and a worker obeys the policy of
  // its own script's response: the strict one, as they load nothing but their own chunks.
  const assets = express.static(dir, {
    immutable: true,
    maxAge: '365d',
    index: false,
    fallthrough: false,
    setHeaders: (res) => setPolicy(res, ASSET_POLICY),
  });
  router.use('/ui', assets);
  router.get('/explore', page('explore.html', EXPLORE_POLICY));
  if (config.graphiql) {
    const graphiql = page('graphiql.html', GRAPHIQL_POLICY);
    router.get('/graphql', (req, res, next) => (wantsPage(req) ? graphiql(req, res) : next()));
  }
  return router;
}
