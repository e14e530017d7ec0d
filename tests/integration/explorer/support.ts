import type { Page } from 'playwright-core';
import type { Database } from '../../../src/core/database';
import { type ExplorerBrowser, checkExplorerBuilt, openExplorerBrowser } from '../../support/explorer-browser';
import { testDatabase } from '../../support/database';
import { type Api, seedCorpus, startApi } from '../api/support';

/** What an explorer suite works with: the service's URL and pages of one Chromium. */
export interface SeededExplorer {
  readonly url: string;
  /** A new page; it is closed after the test, and the requests off this machine are checked then. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Registers a suite's hooks: before it, the seed corpus (and what `load` adds) in the test Neo4j, the service
 * over it and a Chromium; after each test, its pages closed and no request off this machine; after the suite,
 * everything stopped.
 */
export function useSeededExplorer(
  options: { load?: (db: Database) => Promise<void>; timeoutMs?: number } = {},
): SeededExplorer {
  let db: Database | undefined;
  let api: Api | undefined;
  let browser: ExplorerBrowser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    checkExplorerBuilt();
    db = testDatabase();
    await seedCorpus(db);
    await options.load?.(db);
    api = await startApi(db);
    browser = await openExplorerBrowser();
  }, options.timeoutMs);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.close();
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(browser!.offsite).toEqual([]);
  });

  return {
    get url() {
      return api!.app.url;
    },
    async page(viewport) {
      const page = await browser!.page(viewport);
      pages.push(page);
      return page;
    },
  };
}
