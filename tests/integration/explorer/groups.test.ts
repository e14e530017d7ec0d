import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/core/paths';
import { generateArticles } from '../../../bench/generate';
import { loadArticles } from '../../../ingest/pipeline';
import { useSeededExplorer } from './support';

/**
 * Large neighbourhoods (issue 16): a hub of the benchmark's synthetic graph (bench/generate.ts, the generator of
 * the 1M graph at a small size) opens with its big relationship types folded into group nodes, and a group
 * unfolds from the graph and from the keyboard list. In Chromium on the real service.
 */
describe('the explorer: large neighbourhoods grouped', () => {
  const explorer = useSeededExplorer({
    load: async (db) => {
      const { outcomes } = await loadArticles(db, [
        ...generateArticles({ facts: 4000, factsPerArticle: 400, seed: 3 }),
      ]);
      const failed = outcomes.filter((o) => o.status === 'failed');
      if (failed.length) throw new Error(`synthetic load failed: ${JSON.stringify(failed[0])}`);
    },
    timeoutMs: 240000,
  });
  let page: Page;
  const HUB = 'department-of-justice';

  /** The drawn graph, read in the page (page code as text: the tests compile without the DOM library). */
  const drawn = () =>
    page.evaluate(`(() => {
      const cy = window.explorer.cy;
      const shown = cy.nodes().filter((n) => !n.hasClass('hidden'));
      return {
        entities: shown.filter((n) => !n.hasClass('group')).length,
        loaded: cy.nodes().filter((n) => !n.hasClass('group')).length,
        groups: shown.filter((n) => n.hasClass('group')).map((n) => ({ id: n.id(), label: n.data('label') })),
      };
    })()`) as Promise<{ entities: number; loaded: number; groups: { id: string; label: string }[] }>;

  /** Where each shown node is (model coordinates), by id. */
  const places = () =>
    page.evaluate(`(() => {
      const at = {};
      for (const n of window.explorer.cy.nodes().filter((n) => !n.hasClass('hidden'))) at[n.id()] = n.position();
      return at;
    })()`) as Promise<Record<string, { x: number; y: number }>>;

  it('opens a hub with its large relationship types folded, and unfolds a group from the graph', async () => {
    page = await explorer.page({ width: 1440, height: 900 });
    await page.goto(`${explorer.url}/explore?entity=${HUB}`);
    await page.locator(`#cy[data-entity="${HUB}"]`).waitFor();
    // docs/explorer.md's picture of groups, the toolbar and the hub's timeline strip, on request only (as in
    // explorer.test.ts), so a test run never edits tracked files.
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.locator('#panel svg.timeline-strip').waitFor();
      await page.screenshot({ path: join(PROJECT_ROOT, 'docs', 'screenshots', 'explore-groups.png') });
    }
    const before = await drawn();
    // The answer is the API's 100 entities; most of them are folded, a few of each big type are drawn.
    expect(before.loaded).toBeGreaterThanOrEqual(100);
    expect(before.groups.length).toBeGreaterThan(0);
    expect(before.entities).toBeLessThan(before.loaded / 2);
    for (const g of before.groups) expect(g.label).toMatch(/^(\d+ more [A-Z_]+ →|← \d+ more [A-Z_]+)$/);

    // A click on a group lists what it folds, and says the answer was capped.
    const group = before.groups[0]!;
    const count = Number(/(\d+) more/.exec(group.label)![1]);
    const box = await page.evaluate(
      `window.explorer.cy.getElementById(${JSON.stringify(group.id)}).renderedBoundingBox()`,
    );
    const cy = await page.locator('#cy').boundingBox();
    const { x1, x2, y1, y2 } = box as { x1: number; x2: number; y1: number; y2: number };
    await page.mouse.click(cy!.x + (x1 + x2) / 2, cy!.y + (y1 + y2) / 2);
    await expect(page.locator('#panel .group-members li').count()).resolves.toBe(count);
    await expect(page.locator('#panel').textContent()).resolves.toContain('stops at 100 entities');

    // Show all draws them, and the page still answers a click on a node.
    const placesBefore = await places();
    await page
      .locator('#panel')
      .getByRole('button', { name: `Show all ${count}` })
      .click();
    const after = await drawn();
    expect(after.groups.map((g) => g.id)).not.toContain(group.id);
    expect(after.entities).toBeGreaterThanOrEqual(before.entities + count);
    // The picture stays put: what was drawn is where it was, the group's members are drawn outside it.
    const placesAfter = await places();
    const hub = placesBefore[HUB]!;
    const reach = Math.max(...Object.values(placesBefore).map((p) => Math.hypot(p.x - hub.x, p.y - hub.y)));
    for (const [id, at] of Object.entries(placesBefore)) {
      if (placesAfter[id]) expect([id, placesAfter[id]]).toEqual([id, at]);
    }
    const members = Object.keys(placesAfter).filter((id) => !placesBefore[id]);
    expect(members).toHaveLength(count);
    for (const id of members) {
      const at = placesAfter[id]!;
      expect(Math.hypot(at.x - hub.x, at.y - hub.y)).toBeGreaterThan(reach);
    }
    await page.locator('#panel h2', { hasText: 'Department of Justice' }).waitFor();
  }, 120000);

  it('offers each group in the keyboard list, with a Show all button', async () => {
    page = await explorer.page({ width: 1440, height: 900 });
    await page.goto(`${explorer.url}/explore?entity=${HUB}`);
    await page.locator(`#cy[data-entity="${HUB}"]`).waitFor();
    const { groups } = await drawn();
    await page.locator('#contents summary').click();
    const items = page.locator('#node-list > li.group');
    await expect(items.count()).resolves.toBe(groups.length);
    const first = items.first();
    await first.getByRole('button', { name: /^Show the \d+ / }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#node-list > li.group').count()).resolves.toBe(groups.length - 1);
  }, 120000);
});
