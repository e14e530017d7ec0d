import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { curatedGazetteer } from '../ingest/gazetteer-source';
import { loadArticles, preparePaths, type PreparedArticle } from '../ingest/pipeline';
import { bulkLoadEmbedded } from '../src/cli/bulk-load';
import type { Config } from '../src/core/config';
import type { Database } from '../src/core/database';
import { CORPUS_DIR } from '../src/core/paths';
import type { Progress } from '../src/core/progress';
import { openRuntime, type Runtime } from '../src/neo4j/runtime';
import { launchChromium } from '../tests/support/chromium';
import { generateArticles } from './generate';

/**
 * The hub mode of `npm run bench:explore -- --hub`: /explore opening the largest hub of the synthetic benchmark
 * graph (bench/generate.ts at 1M facts by default), which has thousands of relationships. Per load, in a fresh
 * Chromium profile: the time to the first drawn, grouped graph; where that time went (page, API answer, the
 * explorer's grouping, layout and render); a click on a group node until its members are listed; a double-click
 * until it is unfolded and laid out again; and the longest main-thread task the page ran (PerformanceObserver
 * `longtask`), the measure of "the page stays interactive".
 */
export const HUB = 'department-of-justice';

/** Articles per loadArticles call, as bench/load.ts feeds them. */
const ARTICLES_PER_CALL = 100;

/** Loads the generator's graph of `facts` facts through the project's loader; says how far it got on stderr. */
export async function loadSyntheticGraph(db: Database, facts: number): Promise<{ articles: number; ms: number }> {
  const t0 = performance.now();
  let articles = 0;
  let group: PreparedArticle[] = [];
  const flush = async (): Promise<void> => {
    const { outcomes } = await loadArticles(db, group);
    const failed = outcomes.find((o) => o.status === 'failed');
    if (failed) throw new Error(`loading the synthetic graph: ${failed.file}: ${JSON.stringify(failed)}`);
    articles += group.length;
    group = [];
    process.stderr.write(
      `  ${articles} synthetic articles loaded, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
    );
  };
  for (const article of generateArticles({ facts })) {
    group.push(article);
    if (group.length === ARTICLES_PER_CALL) await flush();
  }
  if (group.length > 0) await flush();
  return { articles, ms: performance.now() - t0 };
}

/** What the marker file of a built hub store records: the store is complete only when it exists. */
interface HubStoreMarker {
  facts: number;
  articles: number;
  nodes: number;
  relationships: number;
  buildMs: number;
  builtAt: string;
}

/**
 * The embedded Neo4j of `config` holding the seed corpus and the generator's graph of `facts` facts, built once
 * with the bulk first load (docs/bulk-load.md: minutes instead of the loader's 27 on this machine) and reused
 * by later runs. `marker` is written after a complete build; a store without it (a build cut short) is
 * deleted and built again. Returns the open runtime: close it.
 */
export async function openHubStore(
  config: Config,
  facts: number,
  marker: string,
  progress: Progress,
): Promise<{ runtime: Runtime; built: HubStoreMarker; reused: boolean }> {
  if (existsSync(marker)) {
    const built = JSON.parse(await readFile(marker, 'utf8')) as HubStoreMarker;
    if (built.facts !== facts) throw new Error(`${marker} is a store of ${built.facts} facts, not ${facts}`);
    return { runtime: await openRuntime(config, progress), built, reused: true };
  }
  const t0 = performance.now();
  await rm(config.local.home, { recursive: true, force: true });
  // One bulk load of both, the seed's articles first, as tests/integration/bulk-load.test.ts composes them.
  const seed = await preparePaths([CORPUS_DIR], { progress, gazetteer: curatedGazetteer });
  const failed = seed.summary.outcomes.find((o) => o.status === 'failed');
  if (failed) throw new Error(`preparing the seed corpus for the hub store: ${JSON.stringify(failed)}`);
  const items = [...seed.prepared, ...generateArticles({ facts })];
  const { runtime, report } = await bulkLoadEmbedded(config, items, { progress });
  const built: HubStoreMarker = {
    facts,
    articles: report.articles,
    nodes: report.nodes,
    relationships: report.relationships,
    buildMs: Math.round(performance.now() - t0),
    builtAt: new Date().toISOString(),
  };
  await writeFile(marker, `${JSON.stringify(built, null, 2)}\n`);
  return { runtime, built, reused: false };
}

/** One load of the hub. All times in ms. */
export interface HubLoad {
  /** goto until #cy is marked ready (the neighbourhood answered, grouped, laid out, drawn). */
  firstGraph: number;
  /** In the page: navigation start to the first /graphql request (HTML, JS, CSS and the page's start). */
  pageStart: number;
  /** The neighbourhood request, sent to answered (the first /graphql request of the page). */
  api: number;
  /**
   * From the answer received, or from the page's code ready for it if that came later (the request is sent
   * before the code is loaded), until the graph is marked ready: merge, grouping, layout, filters.
   */
  explorer: number;
  /** The page's code loaded and its parts built (navigation start to its explore:app mark). */
  appReady: number;
  /** The explorer's part, phase by phase (its performance marks, web/src/explore/neighbourhood.ts). */
  merge: number;
  group: number;
  layout: number;
  refresh: number;
  entities: number;
  drawn: number;
  groups: number;
  /** A click on the largest group until the side panel lists its members. */
  groupClick: number;
  /** A double-click on it until it is unfolded (its node gone, its members drawn and laid out). */
  groupOpen: number;
  /** The longest main-thread task while the graph loaded, and while the group was clicked and unfolded. */
  longestTaskLoad: number;
  longestTaskInteract: number;
}

/** Installed before the page's scripts: collects long tasks and the moment #cy is marked ready. */
const OBSERVE = `(() => {
  const w = window;
  w.__bench = { tasks: [], readyAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    const cy = document.getElementById('cy');
    if (!cy) return void requestAnimationFrame(watch);
    new MutationObserver(() => {
      if (cy.dataset.ready === 'true' && w.__bench.readyAt === null) w.__bench.readyAt = performance.now();
    }).observe(cy, { attributes: true, attributeFilter: ['data-ready'] });
  };
  document.addEventListener('DOMContentLoaded', watch);
})()`;

const inPage = <T>(page: Page, code: string) => page.evaluate(code) as Promise<T>;

/** The longest task that started at or after `since` (page time). */
const longestSince = (page: Page, since: number) =>
  inPage<number>(
    page,
    `Math.max(0, ...window.__bench.tasks.filter((t) => t.start >= ${since}).map((t) => t.duration))`,
  );

async function oneLoad(page: Page, url: string): Promise<HubLoad> {
  const t0 = performance.now();
  await page.goto(`${url}/explore?entity=${HUB}`);
  await page.locator('#cy[data-ready="true"]').waitFor({ timeout: 60000 });
  const firstGraph = performance.now() - t0;
  // The panel's entity details come after the graph; wait for them so they do not count as the click's work.
  await page.locator('#panel h2').waitFor();
  const shape = await inPage<{
    entities: number;
    drawn: number;
    groups: { id: string; members: number; x: number; y: number }[];
    request: { start: number; end: number } | null;
    readyAt: number;
    marks: Record<string, number>;
  }>(
    page,
    `(() => {
      const cy = window.explorer.cy;
      const groups = cy.nodes('.group').map((g) => ({ id: g.id(), members: Number((/(\\d+) more/.exec(g.data('label')) ?? [0, 0])[1]),
        x: g.renderedPosition().x, y: g.renderedPosition().y }));
      const graphql = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graphql'));
      const first = graphql.sort((a, b) => a.startTime - b.startTime)[0];
      return {
        entities: cy.nodes().filter((n) => !n.hasClass('group')).length,
        drawn: cy.nodes(':visible').length,
        groups: groups.sort((a, b) => b.members - a.members),
        request: first ? { start: first.startTime, end: first.responseEnd } : null,
        readyAt: window.__bench.readyAt,
        marks: Object.fromEntries(performance.getEntriesByType('mark')
          .filter((m) => m.name.startsWith('explore:')).map((m) => [m.name.slice(8), m.startTime])),
      };
    })()`,
  );
  if (shape.groups.length === 0) throw new Error(`/explore?entity=${HUB} drew no group node: the hub was not grouped`);
  if (!shape.request) throw new Error('no /graphql request in the resource timings of the page');
  const m = shape.marks;
  for (const name of ['app', 'answered', 'merged', 'grouped', 'laid-out', 'refreshed'])
    if (m[name] === undefined) throw new Error(`the page set no explore:${name} mark`);
  const longestTaskLoad = await longestSince(page, 0);

  // Interactivity: the largest group, fitted into view first so that it can be clicked.
  const group = shape.groups[0]!;
  await inPage(page, `void window.explorer.cy.fit(window.explorer.cy.elements(':visible'), 30)`);
  const at = await inPage<{ x: number; y: number }>(
    page,
    `window.explorer.cy.getElementById(${JSON.stringify(group.id)}).renderedPosition()`,
  );
  const box = (await page.locator('#cy').boundingBox())!;
  const since = await inPage<number>(page, 'performance.now()');
  const t1 = performance.now();
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await page.locator('#panel button', { hasText: 'Show all' }).waitFor({ timeout: 30000 });
  const groupClick = performance.now() - t1;
  const t2 = performance.now();
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
  await page.waitForFunction(`window.explorer.cy.getElementById(${JSON.stringify(group.id)}).length === 0`, undefined, {
    timeout: 30000,
    polling: 'raf',
  });
  const groupOpen = performance.now() - t2;
  const longestTaskInteract = await longestSince(page, since);

  return {
    firstGraph,
    pageStart: shape.request.start,
    api: shape.request.end - shape.request.start,
    explorer: shape.readyAt - Math.max(shape.request.end, m.app!),
    appReady: m.app!,
    merge: m.merged! - m.answered!,
    group: m.grouped! - m.merged!,
    layout: m['laid-out']! - m.grouped!,
    refresh: m.refreshed! - m['laid-out']!,
    entities: shape.entities,
    drawn: shape.drawn,
    groups: shape.groups.length,
    groupClick,
    groupOpen,
    longestTaskLoad,
    longestTaskInteract,
  };
}

/** `loads` loads of the hub, each in a new Chromium profile (cold cache). */
export async function timeHubLoads(url: string, loads: number): Promise<HubLoad[]> {
  const results: HubLoad[] = [];
  for (let i = 0; i < loads; i += 1) {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(OBSERVE);
    try {
      results.push(await oneLoad(await context.newPage(), url));
    } finally {
      await browser.close();
    }
  }
  return results;
}
