import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { WEB_DIST_DIR } from '../../src/server/web-router';
import { launchChromium } from './chromium';

/** A throw-away Chromium profile for the explorer's browser tests, and the requests it tried to send off this machine. */
export interface ExplorerBrowser {
  context: BrowserContext;
  /** Every request to a host other than 127.0.0.1: aborted, and a failure of the test that made it. */
  offsite: string[];
  /** A new tab at this viewport. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Fails, rather than skips, when the pages are not built: the message says what to run. */
export function checkExplorerBuilt(): void {
  if (!existsSync(join(WEB_DIST_DIR, 'explore.html')))
    throw new Error(`The browser pages are not built in ${WEB_DIST_DIR}: run \`npm run build\` first.`);
}

/** Starts Chromium with one fresh profile that blocks, and records, any request off this machine. */
export async function openExplorerBrowser(): Promise<ExplorerBrowser> {
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
  return {
    context,
    offsite,
    async page(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    close: () => chromium.close(),
  };
}

/** How far the page scrolls sideways: its scroll width, to compare with the viewport's. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate('document.scrollingElement.scrollWidth') as Promise<number>;
}
