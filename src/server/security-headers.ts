import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** The CSP source that allows exactly this inline text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// Cytoscape writes this one fixed <style> element into the page's head (its renderer's constructor); a hash
// allows it and nothing else. A Cytoscape upgrade that changes it shows as a violation in web-security.test.ts.
const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';

/** A Content-Security-Policy as directive → sources. */
export type Policy = Readonly<Record<string, readonly string[]>>;

/** Static assets' policy, and the base of the pages': this origin only, no inline script or style, no eval, never framed. */
export const ASSET_POLICY: Policy = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The explorer's policy: the assets' plus Cytoscape's one style element, by hash. See docs/operations.md. */
export const EXPLORE_POLICY: Policy = { ...ASSET_POLICY, 'style-src': ["'self'", cspHash(CYTOSCAPE_STYLE)] };

/**
 * GraphiQL's policy. Monaco writes <style> elements at run time (theme colours, font metrics: vs/base/browser/dom.js
 * createStyleSheet) with no nonce support, and their text changes, so no hash can match: styles need
 * 'unsafe-inline'. GraphiQL's and Monaco's CSS embed their fonts and icons as data: URLs. Scripts stay 'self'.
 */
export const GRAPHIQL_POLICY: Policy = {
  ...ASSET_POLICY,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
};

/** For everything that is not a page (JSON, text): nothing may load, nothing may frame it. */
export const API_POLICY: Policy = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The header value of a policy. */
export function policyHeader(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Sets a response's Content-Security-Policy, replacing the default of securityHeaders. */
export function setPolicy(res: Response, policy: Policy): void {
  res.set('content-security-policy', policyHeader(policy));
}

/**
 * Headers for every response: no MIME sniffing, no referrer sent to other sites (the explorer links to news
 * articles), and the API policy, which the page routes replace with their own.
 */
export function securityHeaders() {
  const api = policyHeader(API_POLICY);
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.set({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': api,
    });
    next();
  };
}
