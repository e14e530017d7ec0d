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

/** How many OPPOSED stances the API lists, on actions by `actionBy` or by anyone. */
async function opposedCount(api: Api, actionBy: string | null): Promise<number> {
  const res = await fetch(`${api.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($a: String) { stances(kind: OPPOSED, actionBy: $a, first: 100) { kind } }',
      variables: { a: actionBy },
    }),
  });
  const body = (await res.json()) as { data: { stances: unknown[] } };
  return body.data.stances.length;
}

/** The WCAG contrast ratio of two CSS colours given as rgb()/rgba(). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

type CyWindow = {
  explorer: {
    cy: {
      getElementById(id: string): {
        length: number;
        selected(): boolean;
        hasClass(c: string): boolean;
        renderedPosition(): { x: number; y: number };
      };
      nodes(): { length: number; toArray(): { id(): string; position(): { x: number; y: number } }[] };
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
    // Slow, as a busy machine delivers it: each press held 300 ms, so the two clicks are further apart than
    // cytoscape's own double tap allows; the browser still calls it a double click.
    await page.mouse.dblclick(threat.x, threat.y, { delay: 300 });
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
    // A real click on the edge: try points along it until one hits the edge rather than a label or another
    // element drawn over it.
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

  it('keeps the filtered stances when the unfiltered reply, delayed 1.5 s, arrives after them', async () => {
    const page = await browser.context.newPage();
    try {
      // The first /graphql request of the page (the tab's unfiltered list) is answered late: 1.5 s after the
      // page has the reply to the request after it, however slow the service is. The handler returns at once,
      // so the requests after it are not held behind it.
      let delayed: Promise<void> | null = null;
      let lateReplySent = false;
      let nextAnswered: () => void = () => undefined;
      const next = new Promise<void>((resolve) => (nextAnswered = resolve));
      await page.route('**/graphql', (route) => {
        if (delayed) return route.continue();
        delayed = (async () => {
          const response = await route.fetch();
          await next;
          await new Promise((r) => setTimeout(r, 1500));
          // The page may have aborted the request meanwhile: then there is nothing left to answer.
          await route.fulfill({ response }).catch(() => undefined);
          lateReplySent = true;
        })();
        page.on('requestfinished', (r) => {
          if (r !== route.request() && r.url().endsWith('/graphql')) nextAnswered();
        });
        return undefined;
      });
      const [filtered, unfiltered] = [await opposedCount(api, 'Jeff Sessions'), await opposedCount(api, null)];
      expect(filtered).toBeGreaterThan(0);
      expect(unfiltered).toBeGreaterThan(filtered);
      await page.goto(`${api.app.url}/explore?view=stances`);
      await page.locator('#message', { hasText: 'Loading stances…' }).waitFor();
      expect(delayed).not.toBeNull();
      await page.getByLabel('Action taken by (entity name or id)').fill('Jeff Sessions');
      await page.getByRole('button', { name: 'Show stances' }).click();
      // The filtered answer comes first, the unfiltered one after it: the race of the issue.
      await page.locator('#message', { hasText: `${filtered} stances.` }).waitFor();
      expect(lateReplySent).toBe(false);
      await delayed;
      await new Promise((r) => setTimeout(r, 300));
      await expect(page.locator('#stances-table tbody tr').count()).resolves.toBe(filtered);
      await expect(page.locator('#message').textContent()).resolves.toBe(`${filtered} stances.`);
    } finally {
      await page.close();
    }
  }, 60000);

  it('pushes every navigation on the history: Back returns to the view before, inside the page', async () => {
    const page = await browser.context.newPage();
    try {
      const entity = () => new URL(page.url()).searchParams.get('entity');
      await page.goto(`${api.app.url}/explore?entity=eric-garcetti`);
      await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
      await page.locator('#panel h2', { hasText: 'Eric Garcetti' }).waitFor();
      // First navigation: a timeline entry; second: the stances tab.
      const entry = page.locator('#panel .timeline button').first();
      const event = (await entry.textContent())!;
      await entry.click();
      await page.waitForURL((u) => u.searchParams.get('entity') !== 'eric-garcetti');
      const eventId = entity()!;
      await page.locator(`#cy[data-entity="${eventId}"]`).waitFor();
      await page.locator('#panel h2', { hasText: event }).waitFor();
      await page.getByRole('button', { name: 'Stances' }).click();
      await page.locator('#stances-table tbody tr').first().waitFor();

      await page.goBack();
      expect(new URL(page.url()).searchParams.get('view')).toBeNull();
      expect(entity()).toBe(eventId);
      await page.locator('#graph-view').waitFor({ state: 'visible' });
      await expect(page.locator('#stances-view').isHidden()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Graph', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
        'true',
      );

      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/explore');
      expect(entity()).toBe('eric-garcetti');
      await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
      await page.locator('#panel h2', { hasText: 'Eric Garcetti' }).waitFor();
      await page.waitForFunction(() =>
        (globalThis as unknown as CyWindow).explorer.cy.getElementById('eric-garcetti').hasClass('focus'),
      );

      await page.goForward();
      expect(entity()).toBe(eventId);
      await page.locator(`#cy[data-entity="${eventId}"]`).waitFor();
    } finally {
      await page.close();
    }
  }, 60000);

  it('draws the same URL the same way twice: every node at the same position', async () => {
    const positions = async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${api.app.url}/explore?entity=jeff-sessions&depth=2`);
        await page.locator('#cy[data-entity="jeff-sessions"]').waitFor({ timeout: 30000 });
        return await page.evaluate(() => {
          const { cy } = (globalThis as unknown as CyWindow).explorer;
          const all: Record<string, { x: number; y: number }> = {};
          for (const n of cy.nodes().toArray()) all[n.id()] = n.position();
          return { sessions: cy.getElementById('jeff-sessions').renderedPosition(), all };
        });
      } finally {
        await page.close();
      }
    };
    const [first, second] = [await positions(), await positions()];
    expect(Object.keys(first.all).length).toBeGreaterThan(10);
    expect(second.sessions).toEqual(first.sessions);
    expect(second.all).toEqual(first.all);
  }, 90000);

  it('has a favicon (no failed request on load), a 3:1 focus ring and no panel text under 12 px', async () => {
    const page = await browser.context.newPage();
    try {
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${api.app.url}/explore?entity=eric-garcetti`);
      await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
      await page.locator('#panel .timeline').waitFor();
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(icon).toBeTruthy();
      const res = await fetch(new URL(icon!, api.app.url));
      expect([res.status, res.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^image\/svg\+xml/)]);

      // Keyboard focus on a control over white: its ring.
      await page.keyboard.press('Tab');
      await page.locator('#relayout').focus();
      // Page-side code as text: the tests compile without the DOM library.
      const ring = (await page.evaluate(`(() => {
        const b = document.querySelector('#relayout');
        const style = getComputedStyle(b);
        return { visible: b.matches(':focus-visible'), color: style.outlineColor, width: style.outlineWidth };
      })()`)) as { visible: boolean; color: string; width: string };
      expect(ring.visible).toBe(true);
      expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
      expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);

      // Every element with text of its own, in the header, the toolbar, the legend, the panel and the stances.
      const small = async () =>
        page.evaluate(`[...document.querySelectorAll('header *, #message, #graph-view *, #stances-view *')]
          .filter((e) => [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
          .filter((e) => e.offsetParent !== null)
          .map((e) => [e.tagName, e.className, e.textContent.slice(0, 40), getComputedStyle(e).fontSize])
          .filter(([, , , size]) => parseFloat(size) < 12)`);
      await expect(small()).resolves.toEqual([]);
      await page.getByRole('button', { name: 'Stances' }).click();
      await page.locator('#stances-table tbody tr').first().waitFor();
      await expect(small()).resolves.toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60000);

  it.each([
    [390, 844],
    [1920, 1080],
  ])(
    'fits a %i×%i screen: no sideways scroll, a usable graph beside or above the panel',
    async (width, height) => {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width, height });
        await page.goto(`${api.app.url}/explore?entity=eric-garcetti`);
        await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
        await page.locator('#panel .timeline').waitFor();
        const scrollWidth = () => page.evaluate('document.scrollingElement.scrollWidth') as Promise<number>;
        await expect(scrollWidth()).resolves.toBeLessThanOrEqual(width);
        const [cy, panel, toolbar] = await Promise.all(
          ['#cy', '#panel', '.toolbar'].map(async (s) => (await page.locator(s).boundingBox())!),
        );
        expect(cy!.width).toBeGreaterThanOrEqual(300);
        expect(cy!.height).toBeGreaterThanOrEqual(300);
        expect(toolbar!.width).toBeGreaterThanOrEqual(Math.min(width, cy!.width) - 1);
        // The panel does not cover the graph: beside it on a wide screen, under it on a phone.
        const apart =
          panel!.x >= cy!.x + cy!.width - 1 || panel!.y >= cy!.y + cy!.height - 1 || panel!.x + panel!.width <= cy!.x;
        expect(apart).toBe(true);
        if (width < 700) expect(panel!.y).toBeGreaterThanOrEqual(cy!.y + cy!.height - 1);
        else expect(cy!.width).toBeGreaterThan(width / 2);

        await page.getByRole('button', { name: 'Stances' }).click();
        await page.getByLabel('Action taken by (entity name or id)').fill('Department of Justice');
        await page.getByRole('button', { name: 'Show stances' }).click();
        await page.locator('#stances-table tbody tr', { hasText: 'Bill de Blasio' }).waitFor();
        await expect(scrollWidth()).resolves.toBeLessThanOrEqual(width);
        const table = (await page.locator('#stances-table').boundingBox())!;
        expect(table.x + table.width).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(SCREENSHOTS, `explore-stances-${width}x${height}.png`) });
      } finally {
        await page.close();
      }
    },
    60000,
  );

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
