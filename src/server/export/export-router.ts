import { type Request, type Response, Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../../core/config';
import { type Database, RoundTripCounter } from '../../core/database';
import { classifyDatabaseError } from '../../core/database-errors';
import { ErrorCode } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { Context } from '../../graphql/context';
import { RETRY_AFTER_SECONDS } from '../plugins/unavailable-status';
import { ExportError } from './export-error';
import { formatSpec } from './formats';
import { readSelection } from './graphql-source';
import { EXPORT_FORMATS, type ExportNode, type FormatSpec, type FoundEdge } from './model';
import { fileStem, parseSelection, type Selection } from './selection';
import { onePage, type Written, writeExport } from './stream';
import { wholeGraphEdges, wholeGraphNodes } from './whole-graph';

/** What the export endpoint needs: the service's config, database, logger and GraphQL schema. */
export interface ExportOptions {
  config: Config;
  db: Database;
  logger: Logger;
  schema: GraphQLSchema;
  /** The resolver context of the service's own GraphQL requests (an anonymous caller). */
  context: () => Context;
}

/** Log a progress line of a whole-graph export every this many elements. */
const PROGRESS_EVERY = 50_000;

/**
 * Pages whose first one is already read: the whole-graph export reads it before sending any header, so a
 * database that does not answer still gets a 503 with a JSON error rather than a cut-off download.
 */
async function primed<T>(pages: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  })();
}

/** The error a request gets when the export fails before its headers are sent. */
function failure(error: unknown): ExportError {
  if (error instanceof ExportError) return error;
  const kind = classifyDatabaseError(error);
  if (kind === 'unavailable') {
    return new ExportError(503, ErrorCode.SERVICE_UNAVAILABLE, 'The graph database is unavailable; try again shortly.');
  }
  if (kind === 'timeout') {
    return new ExportError(504, ErrorCode.QUERY_TIMEOUT, 'The export took longer than the time allowed; try again.');
  }
  return new ExportError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

function sendError(res: Response, error: ExportError): void {
  if (error.status === 503) res.set('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(error.status).json(error.body());
}

/**
 * GET /export/{graphml|cytoscape|nodes.csv|edges.csv}?select=neighborhood|search|path|all&… (docs/exports.md):
 * a download of a neighborhood, a search result or a path, read through the API's own GraphQL fields, or
 * of the whole graph, streamed page by page. Bad parameters get 400 with a JSON error naming the parameter.
 */
export function exportRouter({ config, db, logger, schema, context }: ExportOptions): Router {
  const router = Router();

  async function pages(
    selection: Selection,
    spec: FormatSpec,
    roundTrips: RoundTripCounter,
  ): Promise<{ nodes: AsyncIterable<ExportNode[]>; edges: AsyncIterable<FoundEdge[]> }> {
    if (selection.select !== 'all') {
      const graph = await readSelection(schema, { ...context(), roundTrips }, selection);
      return { nodes: onePage(graph.nodes), edges: onePage(graph.edges) };
    }
    if (!config.exports.wholeGraph) {
      throw new ExportError(
        403,
        'FORBIDDEN',
        'The whole-graph export (select=all) is turned off on this service (EXPORT_WHOLE_GRAPH=false).',
        'select',
      );
    }
    const nodes = wholeGraphNodes(db, roundTrips);
    const edges = wholeGraphEdges(db, roundTrips);
    return spec.needs.nodes ? { nodes: await primed(nodes), edges } : { nodes, edges: await primed(edges) };
  }

  router.get('/export/:format', async (req: Request, res: Response) => {
    const started = Date.now();
    const format = String(req.params.format);
    const spec = formatSpec(format);
    if (!spec) {
      sendError(
        res,
        new ExportError(404, 'NOT_FOUND', `No export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`),
      );
      return;
    }
    const roundTrips = new RoundTripCounter();
    let selection: Selection;
    let source: Awaited<ReturnType<typeof pages>>;
    try {
      selection = parseSelection(req.query as Record<string, unknown>);
      source = await pages(selection, spec, roundTrips);
    } catch (error) {
      const refused = failure(error);
      if (refused.status >= 500) logger.error({ err: error, format }, 'export failed');
      sendError(res, refused);
      return;
    }
    res.status(200);
    res.set({
      'content-type': spec.contentType,
      'content-disposition': `attachment; filename="${fileStem(selection)}${spec.extension}"`,
      'cache-control': 'no-store',
    });
    const whole = selection.select === 'all';
    let next = PROGRESS_EVERY;
    const progress = (w: Written): void => {
      if (!whole || w.nodes + w.edges < next) return;
      next += PROGRESS_EVERY;
      logger.info({ format, nodes: w.nodes, edges: w.edges, ms: Date.now() - started }, 'export in progress');
    };
    try {
      const written = await writeExport(res, spec, source.nodes, source.edges, progress);
      logger.info(
        { format, select: selection.select, ...written, roundTrips: roundTrips.count, ms: Date.now() - started },
        'export written',
      );
    } catch (error) {
      // The headers are out: the only honest signal left is to cut the download short, never to end it as if whole.
      logger.error({ err: error, format, select: selection.select }, 'export failed while streaming');
      res.destroy(error as Error);
    }
  });
  return router;
}
