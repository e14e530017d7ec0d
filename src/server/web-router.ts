import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response, Router } from 'express';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { PROJECT_ROOT } from '../core/paths';

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
 * config.graphiql is on, and their assets under /ui/. Mount it before the /graphql middleware.
 */
export function webRouter(config: Config, logger: Logger, dir: string = WEB_DIST_DIR): Router {
  const router = Router();
  const built = existsSync(join(dir, 'explore.html'));
  if (!built) logger.warn({ dir }, 'browser pages are not built (npm run build): /explore answers 503');

  const page = (file: string) => (_req: Request, res: Response) => {
    if (!built) {
      res.status(503).type('text/plain').send('The browser pages are not built: run `npm run build`.');
      return;
    }
    res.set('cache-control', 'no-cache');
    res.sendFile(join(dir, file));
  };

  // Hashed file names: cache for a year.
  router.use('/ui', express.static(dir, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.get('/explore', page('explore.html'));
  if (config.graphiql) {
    const graphiql = page('graphiql.html');
    router.get('/graphql', (req, res, next) => (wantsPage(req) ? graphiql(req, res) : next()));
  }
  return router;
}
