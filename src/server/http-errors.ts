import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../core/errors';

/**
 * Errors raised before GraphQL runs (a body that is not JSON, or too large) as a GraphQL-shaped JSON answer.
 * Express's own handler would send an HTML page with the stack trace whenever NODE_ENV is not production.
 */
export function httpErrorHandler(details: boolean): ErrorRequestHandler {
  return (err: { status?: number; expose?: boolean; message?: string; stack?: string }, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = Number.isInteger(err.status) && err.status! >= 400 && err.status! < 600 ? err.status! : 500;
    const client = status < 500 && err.expose !== false;
    res.status(status).json({
      errors: [
        {
          message: client ? (err.message ?? 'Bad request') : 'Internal server error',
          extensions: {
            code: client ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR,
            ...(details && err.stack ? { stacktrace: err.stack.split('\n') } : {}),
          },
        },
      ],
    });
  };
}
