/**
 * Node labels cut to a width with an ellipsis, as cytoscape's `text-wrap: ellipsis` cuts them, but with a binary
 * search over the kept length: cytoscape measures the label once per character kept (an event of the synthetic
 * graph, "Ana Alvarez 0 arrest 51890 (2018-01-02)", some 25 measurements), which made up a good part of a
 * hub's first layout on a cold page. Pure (the width function is given), so unit tests run it.
 */
export const ELLIPSIS = '\u2026';

/**
 * `text` when it is narrower than `max`, else its longest start that, followed by an ellipsis, is at most `max`
 * wide: the string cytoscape's ellipsis wrap draws, for any width that grows with the text.
 */
export function ellipsize(text: string, max: number, width: (s: string) => number): string {
  if (width(text) < max) return text;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (width(text.slice(0, mid) + ELLIPSIS) <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ELLIPSIS;
}
