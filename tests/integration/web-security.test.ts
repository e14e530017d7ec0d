import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { Database } from '../../src/core/database';
import {
  API_POLICY,
  ASSET_POLICY,
  EXPLORE_POLICY,
  GRAPHIQL_POLICY,
  policyHeader,
  type Policy,
} from '../../src/server/security-headers';
import { WEB_DIST_DIR } from '../../src/server/web-router';
import { launchChromium } from '../support/chromium';
import { testDatabase } from '../support/database';
import { type Api, seedCorpus, startApi } from './api/support';

/**
 * Security headers (issue 13): every page of the explorer and GraphiQL, used in Debian's Chromium under the
 * policies the service sends, reports no Content-Security-Policy violation, in the document or its workers.
 */

/** A browser tab that records every CSP violation: the document's events and the DevTools log (workers too). */
interface WatchedPage {
  page: Page;
  violations: string[];
  close(): Promise<void>;
}

/** The page's side, as the init script sees it (the tests compile without the DOM library). */
type CspWindow = {
  cspViolations?: string[];
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (e: { effectiveDirective: string; blockedURI: string; sourceFile: string }) => void,
    ): void;
  };
};

async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    const window = globalThis as unknown as CspWindow;
    const seen: string[] = (window.cspViolations = []);
    window.document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}`),
    );
  });
  const page = await context.newPage();
  const violations: string[] = [];
  // The DevTools log is where a worker's violations surface: its events never reach the document.
  const cdp: CDPSession = await context.newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.text.includes('Content Security Policy')) violations.push(`[${entry.source}] ${entry.text}`);
  });
  await cdp.send('Log.enable');
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`[console] ${message.text()}`);
  });
  return {
    page,
    violations,
    close: () => context.close(),
  };
}

/** Runs `use` in a fresh watched tab, closed afterwards whatever happens. */
async function withWatchedPage(browser: Browser, use: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await watchedPage(browser);
  try {
    await use(watched);
  } finally {
    await watched.close();
  }
}

/** Every violation seen so far: the DevTools log's and the document's own events. */
async function violationsOf(watched: WatchedPage): Promise<string[]> {
  const inPage = await watched.page
    .evaluate(() => (globalThis as unknown as CspWindow).cspViolations ?? [])
    .catch(() => []);
  return [...watched.violations, ...inPage];
}

/** Waits until the violations seen match every pattern; fails after 20 s naming what is missing. */
async function until(watched: WatchedPage, patterns: RegExp[]): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    const seen = (await violationsOf(watched)).join('\n');
    const missing = patterns.filter((p) => !p.test(seen));
    if (missing.length === 0) return;
    if (waited > 20000) throw new Error(`No violation matching ${missing.join(', ')}; seen:\n${seen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('security headers and the Content-Security-Policy in Chromium', () => {
  let db: Database;
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST_DIR, 'explore.html')))
      throw new Error(`The browser pages are not built in ${WEB_DIST_DIR}: run \`npm run build\` first.`);
    db = testDatabase();
    await seedCorpus(db);
    api = await startApi(db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.close();
  });

  const get = (path: string, accept = '*/*') => fetch(`${api.app.url}${path}`, { headers: { accept } });
  const policyOf = (res: Response) => res.headers.get('content-security-policy');

  it('sends nosniff, no-referrer and a policy on every response, the page policy on each page', async () => {
    const worker = readdirSync(join(WEB_DIST_DIR, 'assets')).find((f) => /^graphql\.worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const responses: [string, Response, Policy][] = [
      ['/explore', await get('/explore', 'text/html'), EXPLORE_POLICY],
      ['/graphql (GraphiQL)', await get('/graphql', 'text/html'), GRAPHIQL_POLICY],
      [`/ui/assets/${worker}`, await get(`/ui/assets/${worker}`), ASSET_POLICY],
      ['/healthz', await get('/healthz'), API_POLICY],
      ['/metrics', await get('/metrics'), API_POLICY],
      [
        '/graphql POST',
        await fetch(`${api.app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
        API_POLICY,
      ],
    ];
    for (const [what, res, policy] of responses) {
      expect([what, res.headers.get('x-content-type-options')]).toEqual([what, 'nosniff']);
      expect([what, res.headers.get('referrer-policy')]).toEqual([what, 'no-referrer']);
      expect([what, policyOf(res)]).toEqual([what, policyHeader(policy)]);
      expect([what, policyOf(res)]).toEqual([what, expect.stringContaining("frame-ancestors 'none'")]);
    }
    // A missing asset is answered by the service's error handler (JSON, no stack), under the policy of every
    // response that is not a page.
    const missing = await get('/ui/missing.js');
    expect([missing.status, policyOf(missing), missing.headers.get('x-content-type-options')]).toEqual([
      404,
      policyHeader(API_POLICY),
      'nosniff',
    ]);
  });

  it('never allows inline or evaluated script, nor another origin, in any page policy', () => {
    for (const policy of [ASSET_POLICY, EXPLORE_POLICY, GRAPHIQL_POLICY]) {
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['default-src']).toEqual(["'none'"]);
      for (const sources of Object.values(policy))
        for (const source of sources)
          expect(source).toMatch(/^('self'|'none'|'unsafe-inline'|data:|'sha256-[\w+/]+=*')$/);
    }
    // 'unsafe-inline' only where Monaco needs it: GraphiQL's styles; the explorer's one style element by hash.
    expect(ASSET_POLICY['style-src']).toEqual(["'self'"]);
    expect(EXPLORE_POLICY['style-src']).toEqual(["'self'", expect.stringMatching(/^'sha256-/)]);
    expect(GRAPHIQL_POLICY['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('the explorer: a drawn graph, a node panel and the stances view, with no violation', async () => {
    await withWatchedPage(browser, async (watched) => {
      const { page } = watched;
      await page.goto(`${api.app.url}/explore?entity=eric-garcetti`);
      await page.locator('#cy[data-ready="true"]').waitFor({ timeout: 30000 });
      await page.locator('#panel h2', { hasText: 'Eric Garcetti' }).waitFor();
      await page.getByLabel('Search text').fill('Sessions');
      await page.getByLabel('Search text').press('Enter');
      await page.getByRole('button', { name: 'Jeff Sessions PERSON' }).click();
      await page.locator('#panel h2', { hasText: 'Jeff Sessions' }).waitFor();
      await page.getByRole('button', { name: 'Stances' }).click();
      await page.getByLabel('Action taken by (entity name or id)').fill('Department of Justice');
      await page.getByRole('button', { name: 'Show stances' }).click();
      await page.locator('#stances-table tbody tr', { hasText: 'Bill de Blasio' }).waitFor();
      expect(await violationsOf(watched)).toEqual([]);
    });
  }, 90000);

  it('GraphiQL: the editors and their workers, a query run, the Explorer plugin, with no violation', async () => {
    await withWatchedPage(browser, async (watched) => {
      const { page } = watched;
      await page.goto(`${api.app.url}/graphql`);
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 30000 });
      await page.locator('.graphiql-query-editor', { hasText: 'DojOpposition' }).waitFor();
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.graphiql-response', { hasText: 'stances' }).waitFor({ timeout: 30000 });
      await page.getByRole('button', { name: /GraphiQL Explorer/ }).click();
      await page.locator('.graphiql-explorer-root').waitFor({ timeout: 10000 });
      // Monaco's workers started under the asset policy, so their scripts' policy was exercised too.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /worker-/.test(e.name)));
      expect(page.workers().length).toBeGreaterThan(0);
      expect(await violationsOf(watched)).toEqual([]);
    });
  }, 90000);

  it('sees violations when there are some: inline script and style, a worker fetching elsewhere, framing', async () => {
    // Controls for the collector: pages fulfilled in the browser under the explorer's policy, breaking it.
    const strict = policyHeader(EXPLORE_POLICY);
    const control: Record<string, [string, string, string | null]> = {
      '/control/page': [
        'text/html',
        '<p style="color: red">x</p><script>1</script><script src="/control/start.js"></script>',
        strict,
      ],
      '/control/start.js': ['text/javascript', 'new Worker("/control/worker.js");', strict],
      '/control/worker.js': ['text/javascript', 'fetch("http://127.0.0.2:9/").catch(() => undefined);', strict],
      // No policy of its own: only the explorer's frame-ancestors stops it.
      '/control/frame': ['text/html', '<iframe src="/explore"></iframe>', null],
    };
    await withWatchedPage(browser, async (watched) => {
      const { page } = watched;
      await page.route('**/control/**', (route) => {
        const [type, body, policy] = control[new URL(route.request().url()).pathname]!;
        return route.fulfill({
          headers: { 'content-type': type, ...(policy ? { 'content-security-policy': policy } : {}) },
          body,
        });
      });
      await page.goto(`${api.app.url}/control/page`);
      await until(watched, [
        /script-src-elem blocked inline/,
        /style-src-attr blocked inline/,
        /\[worker\].*connect-src/,
      ]);
      await page.goto(`${api.app.url}/control/frame`);
      await until(watched, [/frame-ancestors 'none'/]);
    });
  }, 60000);
});
