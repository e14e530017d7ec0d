import type { Page } from 'playwright-core';
import { scrollWidth } from '../../support/explorer-browser';
import { useSeededExplorer } from './support';

/**
 * The explorer's article reader and path finder (issue 16) in Chromium, on the real service over the seed
 * corpus: an article opens from every kind of evidence with the quote highlighted, and a path is found between
 * two entities picked by typing.
 */
const SESSIONS_WARNS = '004_7eba275eeb4bf9d5';
const GARCETTI_QUOTE = 'Threaten me all you want';
const THREAT = 'sessions-subpoena-threat-2018-01-24';

describe('the explorer: article reader and paths', () => {
  const explorer = useSeededExplorer();
  let page: Page;

  beforeEach(async () => {
    page = await explorer.page();
  });

  const param = (name: string) => new URL(page.url()).searchParams.get(name);
  const marked = () => page.locator('#reader mark').textContent();

  it("opens a relationship's article in the reader at its quote, lists the article's facts, and Back returns", async () => {
    await page.goto(`${explorer.url}/explore?entity=eric-garcetti`);
    await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
    // The keyboard list reaches the edge from Garcetti to the subpoena threat.
    await page.locator('#contents summary').click();
    await page.locator('#node-list button', { hasText: 'OPPOSED → Sessions threatens to subpoena' }).first().click();
    const evidence = page.locator('#panel .evidence li', { hasText: GARCETTI_QUOTE });
    await evidence.waitFor();
    await evidence.getByRole('link', { name: /^Read/ }).click();

    await page.locator('#reader-view').waitFor({ state: 'visible' });
    await expect(page.locator('#graph-view').isHidden()).resolves.toBe(true);
    await page.locator('#reader h2', { hasText: 'Atty. General Sessions warns sanctuary cities' }).waitFor();
    await expect(marked()).resolves.toContain(`${GARCETTI_QUOTE}. I will stand up for every Angeleno.`);
    expect([param('view'), param('article')]).toEqual(['reader', SESSIONS_WARNS]);
    // The highlight is in the article's text, in sight.
    await expect(page.locator('.article-text mark').isVisible()).resolves.toBe(true);
    await expect(page.locator('.article-text').textContent()).resolves.toContain('LA Mayor Eric Garcetti');
    // The other facts of the article: Sessions initiated the threat, among others, each with its quote.
    const facts = page.locator('.article-facts li');
    await expect(facts.count()).resolves.toBeGreaterThan(5);
    const initiated = facts.filter({ hasText: 'Jeff Sessions INITIATED Sessions threatens to subpoena' });
    await expect(initiated.count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('button', { name: `“${GARCETTI_QUOTE}. I will stand up for every Angeleno.”`, exact: true })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    // Another fact's quote: marked instead, as a view of its own.
    const other = initiated.locator('button.quote').first();
    const otherQuote = (await other.textContent())!.replace(/^“|”$/g, '');
    await other.click();
    await expect(marked()).resolves.not.toContain(GARCETTI_QUOTE);
    expect(otherQuote.replace(/\s+/g, ' ')).toContain((await marked())!.replace(/\s+/g, ' ').slice(0, 30));
    await page.goBack();
    await expect(marked()).resolves.toContain(GARCETTI_QUOTE);

    await page.goBack();
    await page.locator('#graph-view').waitFor({ state: 'visible' });
    await expect(page.locator('#reader-view').isHidden()).resolves.toBe(true);
    expect(param('entity')).toBe('eric-garcetti');
  }, 90000);

  it('opens the article of a stance row, and of an event that the article reports', async () => {
    await page.goto(`${explorer.url}/explore?view=stances&kind=OPPOSED&actionBy=Jeff%20Sessions`);
    const row = page.locator('#stances-table tbody tr', { hasText: 'Eric Garcetti' }).first();
    await row.waitFor();
    const quote = (await row.locator('td[data-label="Quote"]').textContent())!;
    await row.getByRole('link', { name: /^Read/ }).click();
    await page.locator('#reader mark').waitFor();
    // The row shows the first quote, in quotation marks; the reader marks that sentence in the text.
    const sentence = quote.replace(/\s*\(\+\d+ more\)$/, '').replace(/^“|”$/g, '');
    expect(sentence.replace(/[“”"]/g, '')).toContain((await marked())!.replace(/[“”"]/g, '').slice(0, 25));

    // An event: the side panel lists the articles that report it, with their words.
    await page.goto(`${explorer.url}/explore?entity=${THREAT}`);
    const mention = page.locator('#panel .mentions li', { hasText: 'threatened to subpoena' }).first();
    await mention.waitFor();
    await mention.getByRole('link', { name: /^Read/ }).click();
    await expect(marked()).resolves.toContain('threatened to subpoena');
    expect(param('article')).toBe(SESSIONS_WARNS);
  }, 90000);

  it('finds a path between two entities picked by typing, with the evidence of each hop', async () => {
    await page.goto(`${explorer.url}/explore`);
    await page.getByRole('button', { name: 'Paths' }).click();
    // Search as you type: a few letters are enough.
    await page.getByRole('combobox', { name: 'From' }).pressSequentially('garc', { delay: 30 });
    await page
      .getByRole('listbox', { name: 'Entities for From' })
      .getByRole('option', { name: 'Eric Garcetti PERSON' })
      .click();
    await page.getByRole('combobox', { name: 'To' }).pressSequentially('jeff sess', { delay: 30 });
    await page
      .getByRole('listbox', { name: 'Entities for To' })
      .getByRole('option', { name: 'Jeff Sessions PERSON' })
      .click();
    await page.getByRole('button', { name: 'Find path' }).click();

    const hops = page.locator('#path-hops > li');
    await hops.first().waitFor();
    expect([param('view'), param('from'), param('to')]).toEqual(['path', 'eric-garcetti', 'jeff-sessions']);
    const lines = await page.locator('#path-hops .hop-line').allTextContents();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^Eric Garcetti /);
    expect(lines.at(-1)).toMatch(/ Jeff Sessions$/);
    // Every hop carries its evidence, with a way to read its article.
    for (const hop of await hops.all()) {
      await expect(hop.locator('blockquote').count()).resolves.toBeGreaterThan(0);
      await expect(hop.getByRole('link', { name: /^Read/ }).count()).resolves.toBeGreaterThan(0);
    }

    // The link is the view: opened afresh it finds the same path and names both ends.
    await page.goto(page.url());
    await page.locator('#path-hops > li').first().waitFor();
    await expect(page.locator('#path-hops .hop-line').allTextContents()).resolves.toEqual(lines);
    await expect(page.getByRole('combobox', { name: 'From' }).inputValue()).resolves.toBe('Eric Garcetti');
    await expect(page.getByRole('combobox', { name: 'To' }).inputValue()).resolves.toBe('Jeff Sessions');
  }, 90000);

  it('picks with the keyboard: arrows move through the hits, Enter picks one', async () => {
    await page.goto(`${explorer.url}/explore?view=path`);
    const from = page.getByRole('combobox', { name: 'From' });
    const options = page.getByRole('listbox', { name: 'Entities for From' }).getByRole('option');
    await from.pressSequentially('bill de bl', { delay: 30 });
    await options.first().waitFor();
    await from.press('ArrowDown');
    await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true');
    await expect(from.getAttribute('aria-activedescendant')).resolves.toBe(await options.first().getAttribute('id'));
    await from.press('Enter');
    await expect(from.inputValue()).resolves.toBe('Bill de Blasio');
    await expect(page.getByRole('listbox', { name: 'Entities for From' }).isHidden()).resolves.toBe(true);
  }, 60000);

  it('links GraphiQL to the explorer and back', async () => {
    await page.goto(`${explorer.url}/graphql`);
    await page.getByRole('link', { name: 'Explorer (/explore)' }).click();
    await page.waitForURL((u) => u.pathname === '/explore');
    await page.getByRole('link', { name: 'GraphiQL' }).click();
    await page.waitForURL((u) => u.pathname === '/graphql');
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30000 });
  }, 60000);

  it.each([
    [390, 844],
    [1920, 1080],
  ])(
    'fits the reader and the path finder on a %i×%i screen without sideways scroll',
    async (width, height) => {
      await page.setViewportSize({ width, height });
      await page.goto(
        `${explorer.url}/explore?view=reader&article=${SESSIONS_WARNS}&quote=${encodeURIComponent(GARCETTI_QUOTE)}`,
      );
      await page.locator('#reader mark').waitFor();
      await expect(scrollWidth(page)).resolves.toBeLessThanOrEqual(width);
      const text = (await page.locator('.article-text').boundingBox())!;
      expect(text.x).toBeGreaterThanOrEqual(0);
      expect(text.x + text.width).toBeLessThanOrEqual(width);
      // A readable column: the whole width of a phone, not the whole width of a wide screen.
      if (width < 700) expect(text.width).toBeGreaterThan(width * 0.8);
      else expect(text.width).toBeLessThan(900);

      await page.goto(`${explorer.url}/explore?view=path&from=eric-garcetti&to=jeff-sessions`);
      await page.locator('#path-hops > li').first().waitFor();
      await expect(scrollWidth(page)).resolves.toBeLessThanOrEqual(width);
      for (const box of await Promise.all(
        ['#path-from', '#path-to', '#path-hops'].map((s) => page.locator(s).boundingBox()),
      ))
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    },
    60000,
  );
});
