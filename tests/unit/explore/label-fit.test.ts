import { ELLIPSIS, ellipsize } from '../../../web/src/explore/label-fit';

/** cytoscape's own `text-wrap: ellipsis` loop (renderer's getLabelText), one measurement per character kept. */
function cytoscapeEllipsis(text: string, max: number, width: (s: string) => number): string {
  if (width(text) < max) return text;
  let kept = '';
  for (let i = 0; i < text.length; i++) {
    if (width(kept + text[i] + ELLIPSIS) > max) return kept + ELLIPSIS;
    kept += text[i];
  }
  // Every character kept: the text itself, or an empty one's lone ellipsis (cytoscape adds it then too).
  return text.length > 0 ? kept : ELLIPSIS;
}

/** Node labels are cut as cytoscape cut them, with fewer measurements (web/src/explore/label-fit.ts). */
describe('ellipsize', () => {
  // A proportional font of sorts: narrow i and l, wide m and w, 6 px otherwise, the ellipsis 8 px.
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (ch === ELLIPSIS ? 8 : 'il'.includes(ch) ? 3 : 'mw'.includes(ch) ? 9 : 6), 0);

  it('keeps a label narrower than the width as it is', () => {
    expect(ellipsize('Eric Garcetti', 120, width)).toBe('Eric Garcetti');
  });

  it('cuts a wider one to its longest start that fits with the ellipsis', () => {
    const cut = ellipsize('Ana Alvarez 0 arrest 51890 (2018-01-02)', 120, width);
    expect(cut).toBe(`Ana Alvarez 0 arres${ELLIPSIS}`);
    expect(width(cut)).toBeLessThanOrEqual(120);
    expect(width(`Ana Alvarez 0 arrest${ELLIPSIS}`)).toBeGreaterThan(120);
  });

  it("gives cytoscape's string for every length and width, with a logarithmic number of measurements", () => {
    const text = 'Department of Justice subpoena threat to sanctuary jurisdictions (2018-01-24)';
    for (let n = 0; n <= text.length; n++) {
      for (const max of [0, 5, 8, 40, 119, 120, 121, 300]) {
        let calls = 0;
        const counted = (s: string) => (calls++, width(s));
        expect(ellipsize(text.slice(0, n), max, counted)).toBe(cytoscapeEllipsis(text.slice(0, n), max, width));
        expect(calls).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(n + 1)));
      }
    }
  });
});
