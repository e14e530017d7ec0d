import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import { createDriver, Database } from '../../src/core/database';
import { PROJECT_ROOT } from '../../src/core/paths';
import { WEB_DIST_DIR } from '../../src/server/web-router';
import { launchChromium } from '../support/chromium';
import { testConfig, testDatabase } from '../support/database';
import { type Api, seedCorpus, startApi } from './api/support';

/**
 * The browser pages (issue 7) in Debian's Chromium, driven by playwright-core, on the real service over
 * the seed corpus: /explore and GraphiQL. Every request must stay on 127.0.0.1.
 */
// The README's screenshots are refreshed on request only, so a test run never edits tracked files.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(PROJECT_ROOT, 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'explorer-screenshots-'));
const SUBPOENA_THREAT = 'sessions-subpoena-threat-2018-01-24';

interface Browser {
  context: BrowserContext;
  page: Page;
  offsite: string[];
  close(): Promise<void>;
}

/** Fails, rather than skips, when the prerequisites are missing: the message says what to run. */
function checkPrerequisites(): void {
  // launchChromium checks the browser itself, with the same kind of message.
  if (!existsSync(join(WEB_DIST_DIR, 'explore.html')))
    throw new Error(`The browser pages are not built in ${WEB_DIST_DIR}: run \`npm run build\` first.`);
}

/** A throw-away Chromium profile at 1440x900 that records, and blocks, any request off this machine. */
async function openBrowser(): Promise<Browser> {
  const chromium = await launchChromium();
  const context = await chromium.newContext({ viewport: { width: 1440, height: 900 } });
  const offsite: string[] = [];
  const local = (url: string) => {
    const u = new URL(url);
    return !['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) || u.hostname === '127.0.0.1';
  };
  context.on('request', (request) => {
    if (!local(request.url())) offsite.push(request.url());
  });
  await context.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort()));
  const page = await context.newPage();
  return { context, page, offsite, close: () => chromium.close() };
}

type CyWindow = {
  explorer: {
    cy: {
      getElementById(id: string): { length: number; selected(): boolean; renderedPosition(): { x: number; y: number } };
      nodes(): { length: number };
      edges(): { toArray(): { id(): string; data(k: string): string }[] };
      $(selector: string): unknown;
      fit(eles: unknown, padding: number): void;
      elements(): unknown;
    };
  };
};

/** Where a graph element is drawn, in page coordinates. */
async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#cy').boundingBox())!;
  const p = await page.evaluate((nodeId) => {
    const { cy } = (globalThis as unknown as CyWindow).explorer;
    return cy.getElementById(nodeId).renderedPosition();
  }, id);
  return { x: box.x + p.x, y: box.y + p.y };
}

describe('the explorer and GraphiQL in a browser', () => {
  let db: Database;
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    checkPrerequisites();
    db = testDatabase();
    await seedCorpus(db);
    api = await startApi(db);
    browser = await openBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.close();
  });

  afterEach(() => {
    expect(browser.offsite).toEqual([]);
  });

  it('searches "Garcetti", expands Eric Garcetti and shows the evidence of his stance on the subpoena threat', async () => {
    const { page } = browser;
    await page.goto(`${api.app.url}/explore`);
    await page.getByLabel('Search text').fill('Garcetti');
    await page.getByLabel('Search text').press('Enter');
    // Hits show their kind: the person, then events named after him.
    const hit = page.getByRole('button', { name: 'Eric Garcetti PERSON' });
    await hit.waitFor();
    await hit.click();
    await page.locator('#cy[data-ready="true"]').waitFor();
    expect(new URL(page.url()).searchParams.get('entity')).toBe('eric-garcetti');
    await page.locator('#panel h2', { hasText: 'Eric Garcetti' }).waitFor();

    // Double-click expands: the subpoena threat's own neighbourhood (Jeff Sessions) joins the graph.
    const before = await page.evaluate(() => (globalThis as unknown as CyWindow).explorer.cy.nodes().length);
    const threat = await nodePoint(page, SUBPOENA_THREAT);
    await page.mouse.dblclick(threat.x, threat.y);
    await page.waitForFunction((n) => (globalThis as unknown as CyWindow).explorer.cy.nodes().length > n, before, {
      timeout: 20000,
    });
    expect(new URL(page.url()).searchParams.get('expand')).toBe(SUBPOENA_THREAT);
    await page.waitForFunction(
      () => (globalThis as unknown as CyWindow).explorer.cy.getElementById('jeff-sessions').length === 1,
    );

    // Click the edge from Garcetti to the threat: the side panel shows its quote.
    const edgeId = await page.evaluate((target) => {
      const { cy } = (globalThis as unknown as CyWindow).explorer;
      const edge = cy
        .edges()
        .toArray()
        .find((e) => e.data('source') === 'eric-garcetti' && e.data('target') === target);
      if (!edge) return null;
      cy.fit(cy.$(`[id = "${edge.id()}"]`), 300);
      return edge.id();
    }, SUBPOENA_THREAT);
    expect(edgeId).toBe(`eric-garcetti|OPPOSED|${SUBPOENA_THREAT}`);
    const [a, b] = [await nodePoint(page, 'eric-garcetti'), await nodePoint(page, SUBPOENA_THREAT)];
    // A real click on the edge: the layout is random, so try points along it until one hits the edge
    // rather than a label or another element drawn over it.
    let onEdge = false;
    for (const t of [0.3, 0.5, 0.7, 0.2, 0.8, 0.4, 0.6, 0.25, 0.75]) {
      await page.mouse.click(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
      onEdge = await page.evaluate(
        (id) => (globalThis as unknown as CyWindow).explorer.cy.getElementById(id).selected(),
        edgeId!,
      );
      if (onEdge) break;
    }
    expect(onEdge).toBe(true);
    await page.locator('#panel blockquote', { hasText: 'Threaten me all you want' }).waitFor();
    await expect(page.locator('#panel').textContent()).resolves.toContain(
      'Atty. General Sessions warns sanctuary cities',
    );
    await page.evaluate(() => {
      const { cy } = (globalThis as unknown as CyWindow).explorer;
      cy.fit(cy.elements(), 30);
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'explore-graph.png') });
  }, 120000);

  it('lists who opposed Department of Justice actions in the stances view, sortable', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Stances' }).click();
    await page.getByLabel('Action taken by (entity name or id)').fill('Department of Justice');
    await page.getByRole('button', { name: 'Show stances' }).click();
    const row = page.locator('#stances-table tbody tr', { hasText: 'Bill de Blasio' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('racist assault on our immigrant communities');
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('stances');
    expect(url.searchParams.get('actionBy')).toBe('Department of Justice');

    await page.locator('th button[data-sort="actor"]').click();
    await expect(page.locator('th:has(button[data-sort="actor"])').getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );
    const actors = await page.locator('#stances-table tbody tr td:first-child').allTextContents();
    expect(actors.length).toBeGreaterThan(4);
    expect(actors).toEqual([...actors].sort((x, y) => x.localeCompare(y)));
    await page.screenshot({ path: join(SCREENSHOTS, 'explore-stances.png') });
  }, 60000);

  it('serves GraphiQL on a browser GET of /graphql, with the examples as tabs, and runs one', async () => {
    const { page } = browser;
    await page.goto(`${api.app.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30000 });
    // One tab per file of schema/examples; the first (DojOpposition) is open.
    await expect(page.locator('.graphiql-tab').count()).resolves.toBeGreaterThanOrEqual(6);
    await page.locator('.graphiql-query-editor', { hasText: 'DojOpposition' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: 'stances' }).waitFor({ timeout: 30000 });
    await page.locator('.graphiql-response', { hasText: 'actor' }).waitFor();
    // The Explorer plugin is in the sidebar.
    await expect(page.getByRole('button', { name: /GraphiQL Explorer/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });
  }, 90000);
});

describe('the explorer when the database is down', () => {
  let db: Database;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    checkPrerequisites();
    db = new Database(createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'irrelevant' }), {
      database: 'neo4j',
      queryTimeoutMs: 1000,
    });
    app = await startApp({ config: testConfig(), db, logger: createLogger({ env: 'test', level: 'silent' }) });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.close();
  });

  it("shows the API's SERVICE_UNAVAILABLE message", async () => {
    const { page } = browser;
    await page.goto(`${app.url}/explore?entity=eric-garcetti`);
    const message = page.locator('#message.error', { hasText: 'The graph database is unavailable' });
    await message.waitFor({ timeout: 45000 }).catch(async (err: Error) => {
      throw new Error(`${err.message}\nThe message line says: ${await page.locator('#message').textContent()}`);
    });
    expect(browser.offsite).toEqual([]);
  }, 60000);
});

describe('GraphiQL is served only when config.graphiql is on', () => {
  // The page needs no data, but the app is the real one, on the real test database.
  let db: Database;
  beforeAll(() => {
    db = testDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  const logger = createLogger({ env: 'test', level: 'silent' });
  const htmlGet = (url: string) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });

  it('serves the page when on, and leaves JSON GETs to Apollo', async () => {
    const app = await startApp({ config: testConfig({ GRAPHIQL: 'true' }), db, logger });
    try {
      const page = await htmlGet(app.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('/ui/assets/');
      expect(html).not.toMatch(/https?:\/\//);
      const json = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{__typename}')}`, {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      });
      expect(await json.json()).toMatchObject({ data: { __typename: 'Query' } });
    } finally {
      await app.stop();
    }
  });

  it('does not serve it when off: Apollo answers as usual', async () => {
    const app = await startApp({ config: testConfig({ GRAPHIQL: 'false' }), db, logger });
    try {
      const res = await htmlGet(app.url);
      expect(res.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
      expect(await res.text()).not.toContain('/ui/assets/');
      // The analyst page is there either way.
      expect((await fetch(`${app.url}/explore`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
