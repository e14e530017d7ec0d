import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { scrollWidth } from '../../support/explorer-browser';
import { useSeededExplorer } from './support';

/**
 * The explorer's time filter and the stances table's actor filter and CSV export (issue 16), in Chromium on
 * the real service over the seed corpus.
 */
describe('the explorer: date range, stances by actor, CSV', () => {
  const explorer = useSeededExplorer();
  let page: Page;

  /** The labels of the events the graph shows (page code as text: the tests compile without the DOM library). */
  const shownEventDates = () =>
    page.evaluate(`window.explorer.cy.nodes()
      .filter((n) => n.data('kind') === 'EVENT' && !n.hasClass('hidden'))
      .map((n) => n.data('label'))`) as Promise<string[]>;
  /**
   * Waits until `check` holds (the table redraws after a click). Polled with page.evaluate: the page's CSP
   * refuses the string evaluation that waitForFunction does with text.
   */
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let t = 0; t < 200; t++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Timed out waiting for ${what}`);
  };
  const rowCount = () => page.locator('#stances-table tbody tr').count();
  const rowsBecome = (n: number) => until(async () => (await rowCount()) === n, `${n} rows`);
  const tableDates = () => page.locator('#stances-table tbody td[data-label="Date"]').allTextContents();

  it.each([
    [1440, 900],
    [390, 844],
  ])(
    'at %i×%i, one date range filters the graph and the stances table',
    async (width, height) => {
      page = await explorer.page({ width, height });
      await page.goto(`${explorer.url}/explore?entity=eric-garcetti`);
      await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
      const before = await shownEventDates();

      await page.getByLabel('Dates from').fill('2018-01');
      await page.getByLabel('to', { exact: true }).fill('2018-01');
      await page.getByRole('button', { name: 'Apply dates' }).click();
      await page.waitForURL((u) => u.searchParams.get('since') === '2018-01');
      const after = await shownEventDates();
      expect(after.length).toBeGreaterThan(0);
      expect(after.length).toBeLessThan(before.length);
      // Every event left is of January 2018 (an event's label ends with its date), and the centre stays.
      for (const label of after) expect(label).toMatch(/\(2018-01(-\d\d)?\)$/);
      await expect(
        page.evaluate(`window.explorer.cy.getElementById('eric-garcetti').hasClass('hidden')`),
      ).resolves.toBe(false);
      await expect(scrollWidth(page)).resolves.toBeLessThanOrEqual(width);

      // The same range holds in the stances table.
      await page.getByRole('button', { name: 'Stances' }).click();
      await page.locator('#stances-table tbody tr').first().waitFor();
      const dates = await tableDates();
      expect(dates.length).toBeGreaterThan(0);
      for (const d of dates) expect(d).toMatch(/^2018-01/);
      const message = (await page.locator('#message').textContent())!;
      const [, shown, all] = message.match(/^(\d+) of (\d+) stances in the dates 2018-01 to 2018-01\.$/)!;
      expect(Number(shown)).toBe(dates.length);
      expect(Number(all)).toBeGreaterThan(dates.length);
      await expect(scrollWidth(page)).resolves.toBeLessThanOrEqual(width);

      // All dates again: every loaded row is back; Back returns to the range.
      await page.getByRole('button', { name: 'All dates' }).click();
      await rowsBecome(Number(all));
      await page.goBack();
      await rowsBecome(dates.length);
      await expect(page.getByLabel('Dates from').inputValue()).resolves.toBe('2018-01');
    },
    90000,
  );

  it('rejects a range bound that is not a date, saying what to write', async () => {
    page = await explorer.page();
    await page.goto(`${explorer.url}/explore?view=stances`);
    await page.getByLabel('Dates from').fill('January');
    await page.getByRole('button', { name: 'Apply dates' }).click();
    await page.locator('#message.error', { hasText: '“January” is not a date: write a year' }).waitFor();
    expect(new URL(page.url()).searchParams.get('since')).toBeNull();
  }, 60000);

  it("filters stances by actor, and exports the table's rows as CSV", async () => {
    page = await explorer.page();
    await page.goto(`${explorer.url}/explore?view=stances`);
    await page.locator('#stances-table tbody tr').first().waitFor();
    const everyone = new Set(await page.locator('#stances-table tbody td[data-label="Actor"]').allTextContents());
    expect(everyone.size).toBeGreaterThan(1);
    await page.getByLabel('Actor (entity name or id)').fill('Eric Garcetti');
    await page.getByRole('button', { name: 'Show stances' }).click();
    await page.waitForURL((u) => u.searchParams.get('actor') === 'Eric Garcetti');
    // The filtered answer replaces the unfiltered rows: wait for a table of Garcetti's rows only.
    const actorCells = () => page.locator('#stances-table tbody td[data-label="Actor"]').allTextContents();
    await until(async () => {
      const names = await actorCells();
      return names.length > 0 && names.every((n) => n === 'Eric Garcetti');
    }, "Eric Garcetti's rows only");
    expect(new Set(await actorCells())).toEqual(new Set(['Eric Garcetti']));
    const rows = await rowCount();
    expect(rows).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('stances-opposed-Eric-Garcetti.csv');
    const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('actor,actor_id,stance,action,action_id,date,quote,evidence_count,article,published,url');
    expect(lines).toHaveLength(rows + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^Eric Garcetti,eric-garcetti,OPPOSED,/);
  }, 60000);
});
