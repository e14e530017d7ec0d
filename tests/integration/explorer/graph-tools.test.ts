import type { Page } from 'playwright-core';
import { useSeededExplorer } from './support';

/**
 * The graph's size by degree, its hover tooltips and its toolbar (fit, zoom, pin, hide, undo) (issue 16), in
 * Chromium on the real service over the seed corpus.
 */
describe('the explorer: node sizes, tooltips and the graph toolbar', () => {
  const explorer = useSeededExplorer();
  let page: Page;
  const THREAT = 'sessions-subpoena-threat-2018-01-24';

  // Page code as text: the tests compile without the DOM library.
  const inPage = <T>(code: string) => page.evaluate(code) as Promise<T>;
  const cyExpr = 'window.explorer.cy';
  /** Where an element is drawn, in page pixels. */
  const pointOf = async (code: string) => {
    const at = await inPage<{ x: number; y: number }>(code);
    const box = (await page.locator('#cy').boundingBox())!;
    return { x: box.x + at.x, y: box.y + at.y };
  };
  const position = (id: string) =>
    inPage<{ x: number; y: number }>(`${cyExpr}.getElementById(${JSON.stringify(id)}).position()`);
  const hasClass = (id: string, cls: string) =>
    inPage<boolean>(`${cyExpr}.getElementById(${JSON.stringify(id)}).hasClass(${JSON.stringify(cls)})`);
  const open = async (entity: string) => {
    page = await explorer.page({ width: 1440, height: 900 });
    await page.goto(`${explorer.url}/explore?entity=${entity}`);
    await page.locator(`#cy[data-entity="${entity}"]`).waitFor();
    await page.locator('#panel h2').waitFor();
  };
  /** Selects a node the keyboard way: its button in the list under the graph. */
  const selectInList = async (name: string) => {
    const contents = page.locator('#contents');
    // An open <details> has open="" (falsy): compare with null.
    if ((await contents.getAttribute('open')) === null) await contents.locator('summary').click();
    await page.locator('#node-list > li > button', { hasText: name }).first().click();
  };

  it('sizes nodes by their relationships, says so in the legend, and shows tooltips on hover', async () => {
    await open('eric-garcetti');
    const sizes = await inPage<{ degree: number; width: number }[]>(
      `${cyExpr}.nodes().map((n) => ({ degree: n.connectedEdges().length, width: n.width() }))`,
    );
    const byDegree = [...sizes].sort((a, b) => a.degree - b.degree);
    expect(byDegree.at(-1)!.width).toBeGreaterThan(byDegree[0]!.width);
    for (let i = 1; i < byDegree.length; i++) expect(byDegree[i]!.width).toBeGreaterThanOrEqual(byDegree[i - 1]!.width);
    await expect(page.locator('#legend').textContent()).resolves.toContain('Size: relationships loaded');

    // A node: its name and kind.
    const tip = page.locator('#graph-tip');
    const node = await pointOf(`${cyExpr}.getElementById('eric-garcetti').renderedPosition()`);
    await page.mouse.move(node.x, node.y);
    await tip.waitFor();
    await expect(tip.textContent()).resolves.toMatch(/Eric Garcetti.*PERSON.*relationships? loaded/);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });

    // An edge: the relationship and its first quote with the article.
    const edge = await pointOf(`${cyExpr}.getElementById('eric-garcetti|OPPOSED|${THREAT}').renderedMidpoint()`);
    await page.mouse.move(edge.x, edge.y);
    await page.locator('#graph-tip .tip-quote', { hasText: '—' }).waitFor();
    const text = (await tip.textContent())!;
    expect(text).toMatch(/^Eric Garcetti OPPOSED /);
    expect(text).toMatch(/“.+”/);
  }, 90000);

  it('fits and zooms from keyboard-reachable buttons', async () => {
    await open('eric-garcetti');
    const zoom = () => inPage<number>(`${cyExpr}.zoom()`);
    const z0 = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).focus();
    await page.keyboard.press('Enter');
    expect(await zoom()).toBeCloseTo(z0 * 1.25, 5);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoom()).toBeCloseTo(z0, 5);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoom()).toBeCloseTo(z0 * 0.8, 5);
    // Fit: every shown node inside the view again after zooming far in.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    const inside = `(() => { const cy = ${cyExpr}; const e = cy.extent();
      return cy.nodes(':visible').every((n) => { const p = n.position();
        return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; }); })()`;
    await expect(inPage<boolean>(inside)).resolves.toBe(false);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect(inPage<boolean>(inside)).resolves.toBe(true);
  }, 90000);

  it('pins by button and by dragging, keeps pinned nodes through a re-layout, hides a node, and undoes each', async () => {
    await open('eric-garcetti');
    const undo = page.locator('#undo');
    await expect(undo.isDisabled()).resolves.toBe(true);

    // Another entity than the centre and the threat, and its label in the list.
    const [pick, label] = await inPage<[string, string]>(
      `(() => { const n = ${cyExpr}.nodes().filter((n) => !['eric-garcetti', '${THREAT}'].includes(n.id()))
        .sort((a, b) => (a.id() < b.id() ? -1 : 1)).first(); return [n.id(), n.data('label')]; })()`,
    );

    // Pin from the keyboard: select in the list, then the toolbar's Pin.
    await selectInList(label);
    await page.getByRole('button', { name: 'Pin', exact: true }).click();
    await expect(hasClass(pick, 'pinned')).resolves.toBe(true);

    // Drag the threat 120 px: it is pinned there.
    const from = await pointOf(`${cyExpr}.getElementById('${THREAT}').renderedPosition()`);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 5 });
    await page.mouse.move(from.x + 120, from.y + 80, { steps: 5 });
    await page.mouse.up();
    await expect(hasClass(THREAT, 'pinned')).resolves.toBe(true);
    const dropped = await position(THREAT);
    const pinnedAt = await position(pick);
    const other = await inPage<string>(
      `${cyExpr}.nodes().filter((n) => !n.hasClass('pinned') && n.id() !== 'eric-garcetti').first().id()`,
    );
    // Move an unpinned node away, so the re-layout has something to put back.
    // void: the page returns nothing rather than the cytoscape element, which took 18 s to serialise.
    await inPage(`void ${cyExpr}.getElementById(${JSON.stringify(other)}).position({ x: 5000, y: 5000 })`);
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await expect(position(THREAT)).resolves.toEqual(dropped);
    await expect(position(pick)).resolves.toEqual(pinnedAt);
    await expect(position(other)).resolves.not.toEqual({ x: 5000, y: 5000 });

    // Hide a node; the centre refuses.
    await selectInList(label);
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect(hasClass(pick, 'hidden')).resolves.toBe(true);
    await expect(page.locator('#node-list > li > button', { hasText: label }).count()).resolves.toBe(0);
    await selectInList('Eric Garcetti');
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect(hasClass('eric-garcetti', 'hidden')).resolves.toBe(false);
    await expect(page.locator('#message').textContent()).resolves.toContain('cannot be hidden');

    // Undo, latest first: the hide, then the drag (back where it was, unpinned), then the pin.
    await expect(undo.getAttribute('aria-label')).resolves.toMatch(/^Undo hiding /);
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect(hasClass(pick, 'hidden')).resolves.toBe(false);
    await expect(undo.getAttribute('aria-label')).resolves.toMatch(/^Undo moving /);
    await undo.click();
    await expect(hasClass(THREAT, 'pinned')).resolves.toBe(false);
    await expect(position(THREAT)).resolves.not.toEqual(dropped);
    await undo.click();
    await expect(hasClass(pick, 'pinned')).resolves.toBe(false);
    await expect(undo.isDisabled()).resolves.toBe(true);
  }, 90000);

  it('keeps pins and hidden nodes in the URL: a reload draws them the same, and Back and Forward move through them', async () => {
    await open('eric-garcetti');
    const [pick, label, gone, goneLabel] = await inPage<[string, string, string, string]>(
      `(() => { const ns = ${cyExpr}.nodes().filter((n) => !['eric-garcetti', '${THREAT}'].includes(n.id()))
        .sort((a, b) => (a.id() < b.id() ? -1 : 1));
        return [ns[0].id(), ns[0].data('label'), ns[1].id(), ns[1].data('label')]; })()`,
    );
    await selectInList(label);
    await page.getByRole('button', { name: 'Pin', exact: true }).click();
    // Drag the threat: a drag pins too.
    const from = await pointOf(`${cyExpr}.getElementById('${THREAT}').renderedPosition()`);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 70, from.y + 50, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL((u) => (u.searchParams.get('pin') ?? '').includes(THREAT));
    await selectInList(goneLabel);
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('hideNode') === gone);
    const shared = page.url();
    const pins = { [pick]: await position(pick), [THREAT]: await position(THREAT) };
    // Pins are kept to whole model units, so the URL's figures are the positions.
    for (const at of Object.values(pins)) expect([at.x % 1, at.y % 1]).toEqual([0, 0]);

    // Back takes the hide away (the node is shown again, the pins stay), Forward brings it back.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('hideNode'));
    await expect(hasClass(gone, 'hidden')).resolves.toBe(false);
    await expect(hasClass(THREAT, 'pinned')).resolves.toBe(true);
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('hideNode') === gone);
    await expect(hasClass(gone, 'hidden')).resolves.toBe(true);
    // Undo writes the URL too: the hide taken back leaves it.
    await page.locator('#undo').click();
    await page.waitForURL((u) => !u.searchParams.has('hideNode'));

    // The shared URL in a fresh page: the same pinned nodes at the same places, the same node hidden.
    page = await explorer.page({ width: 1440, height: 900 });
    await page.goto(shared);
    await page.locator('#cy[data-entity="eric-garcetti"]').waitFor();
    await expect(position(pick)).resolves.toEqual(pins[pick]);
    await expect(position(THREAT)).resolves.toEqual(pins[THREAT]);
    await expect(hasClass(pick, 'pinned')).resolves.toBe(true);
    await expect(hasClass(THREAT, 'pinned')).resolves.toBe(true);
    await expect(hasClass(gone, 'hidden')).resolves.toBe(true);
    await expect(hasClass('eric-garcetti', 'hidden')).resolves.toBe(false);
  }, 90000);

  it('undoes an expansion: its entities leave the graph and the URL', async () => {
    await open('eric-garcetti');
    const count = () => inPage<number>(`${cyExpr}.nodes().length`);
    const before = await count();
    await page.locator('#contents summary').click();
    const name = await inPage<string>(
      `window.explorer.cy.getElementById('${THREAT}').data('label').replace(/ \\(.*\\)$/, '')`,
    );
    await page.getByRole('button', { name: `Expand ${name}`, exact: true }).click();
    await page.waitForURL((u) => u.searchParams.has('expand'));
    const after = await count();
    expect(after).toBeGreaterThan(before);
    await expect(page.locator('#undo').getAttribute('aria-label')).resolves.toMatch(/^Undo expanding /);
    await page.locator('#undo').click();
    await expect(count()).resolves.toBe(before);
    await page.waitForURL((u) => !u.searchParams.has('expand'));
  }, 90000);

  it("draws the entity's dated events on a timeline strip in the side panel; a dot opens its event", async () => {
    await open('eric-garcetti');
    const strip = page.locator('#panel svg.timeline-strip');
    await strip.waitFor();
    const listed = await page.locator('#panel ol.timeline li time').allTextContents();
    const dated = listed.filter((d) => /^\d{4}/.test(d));
    expect(dated.length).toBeGreaterThan(1);
    const dots = strip.locator('circle.event');
    await expect(dots.count()).resolves.toBe(dated.length);
    await expect(strip.getAttribute('aria-label')).resolves.toBe(
      `Timeline: ${dated.length} dated events from ${[...dated].sort()[0]} to ${[...dated].sort().at(-1)}, listed below`,
    );
    // Dots run left to right in date order.
    const xs = (await dots.evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))))) as number[];
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const last = dots.last();
    const id = (await last.getAttribute('data-id'))!;
    await last.click();
    await page.waitForURL((u) => u.searchParams.get('entity') === id);
    await page.locator(`#cy[data-entity="${id}"]`).waitFor();
  }, 90000);
});
