import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { type ApiKeyring, type Caller } from '../core/api-keys';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The key a request presents (Authorization: Bearer, or X-API-Key), null for none, or what is wrong. */
function presentedKey(headers: IncomingHttpHeaders): { key: string | null } | { problem: string } {
  const authorization = headers.authorization;
  const header = headers['x-api-key'];
  const apiKey = Array.isArray(header) ? header[0] : header;
  let bearer: string | null = null;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (!match?.[1]) return { problem: 'The Authorization header must be "Bearer <key>".' };
    bearer = match[1];
  }
  if (bearer !== null && apiKey !== undefined && apiKey !== bearer)
    return { problem: 'The Authorization and X-API-Key headers name different keys: send one.' };
  return { key: bearer ?? apiKey?.trim() ?? null };
}

/** Who sent the request, from its headers and the configured keys. */
export function callerOf(headers: IncomingHttpHeaders, keyring: ApiKeyring): Caller {
  const presented = presentedKey(headers);
  if ('problem' in presented) return { kind: 'refused', problem: presented.problem };
  if (presented.key === null || presented.key === '') return { kind: 'anonymous' };
  const entry = keyring.identify(presented.key);
  if (!entry) return { kind: 'refused', problem: 'The API key is not valid.' };
  return { kind: 'key', name: entry.name, role: entry.role };
}

/** The caller that `authentication` found for this request. */
export function requestCaller(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? { kind: 'anonymous' };
}

/**
 * Finds the caller before the body is read, from the headers alone: the body limit depends on it (writer
 * keys may send larger bodies). It refuses nothing itself; what a caller may do is the access plugin's call.
 */
export function authentication(keyring: ApiKeyring): RequestHandler {
  return (req, res, next) => {
    res.locals.caller = callerOf(req.headers, keyring);
    next();
  };
}
