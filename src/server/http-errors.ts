import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../core/errors';

/** What body-parser (express.json) attaches to the errors it raises. */
interface BodyError {
  status?: number;
  expose?: boolean;
  message?: string;
  stack?: string;
  type?: string;
  limit?: number;
  length?: number;
}

/** The client's message: for the body parser's two common refusals, what is wrong with the request body. */
function clientMessage(err: BodyError): string {
  if (err.type === 'entity.too.large' && err.limit !== undefined) {
    const size = err.length !== undefined ? ` of ${err.length} bytes` : '';
    return `The request body${size} is larger than the limit of ${err.limit} bytes.`;
  }
  if (err.type === 'entity.parse.failed') return `The request body is not valid JSON: ${err.message ?? 'parse error'}.`;
  return err.message ?? 'Bad request';
}

/**
 * Errors raised before GraphQL runs (a body that is not JSON, or too large) as a GraphQL-shaped JSON answer.
 * Express's own handler would send an HTML page with the stack trace whenever NODE_ENV is not production.
 */
export function httpErrorHandler(details: boolean): ErrorRequestHandler {
  return (err: BodyError, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = Number.isInteger(err.status) && err.status! >= 400 && err.status! < 600 ? err.status! : 500;
    const client = status < 500 && err.expose !== false;
    res.status(status).json({
      errors: [
        {
          message: client ? clientMessage(err) : 'Internal server error',
          extensions: {
            code: client ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR,
            ...(details && err.stack ? { stacktrace: err.stack.split('\n') } : {}),
          },
        },
      ],
    });
  };
}
