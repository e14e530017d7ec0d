import type { Details } from './api';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 46;
const AXIS_Y = 30;
const MARGIN = 10;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** A date of the API (`2018`, `2018-01` or `2018-01-24`) as a time, at the start of what it names; null if none. */
export function dateTime(date: string | null | undefined): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) : null;
}

/**
 * An entity's dated events as dots on a time axis (SVG), first and last year labelled; a dot's tooltip names the
 * event and a click opens it. The list under it (timeline-list.ts) holds the same events for the keyboard and
 * screen readers, so the strip is a picture of it, labelled as one. Null when no event is dated.
 */
export function timelineStrip(timeline: Details['timeline'], open: (id: string) => void): SVGSVGElement | null {
  const dated = timeline
    .map((t) => ({ ...t, time: dateTime(t.date) }))
    .filter((t): t is typeof t & { time: number } => t.time !== null)
    .sort((a, b) => a.time - b.time);
  if (dated.length === 0) return null;
  const first = dated[0]!;
  const last = dated.at(-1)!;
  const span = Math.max(1, last.time - first.time);
  const strip = svg('svg', {
    class: 'timeline-strip',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `Timeline: ${dated.length} dated event${dated.length === 1 ? '' : 's'} from ${first.date} to ${last.date}, listed below`,
  });
  strip.append(svg('line', { x1: MARGIN, x2: WIDTH - MARGIN, y1: AXIS_Y, y2: AXIS_Y, class: 'axis' }));
  for (const [t, anchor, x] of [
    [first, 'start', MARGIN],
    [last, 'end', WIDTH - MARGIN],
  ] as const) {
    const label = svg('text', { x, y: HEIGHT - 2, 'text-anchor': anchor, class: 'year' });
    label.textContent = t.date!.slice(0, 4);
    strip.append(label);
  }
  // Events on nearly the same day stack upwards instead of hiding one another.
  const stacks = new Map<number, number>();
  for (const t of dated) {
    const x = Math.round(MARGIN + ((t.time - first.time) / span) * (WIDTH - 2 * MARGIN));
    const slot = Math.round(x / 6);
    const level = stacks.get(slot) ?? 0;
    stacks.set(slot, level + 1);
    const dot = svg('circle', { cx: x, cy: AXIS_Y - 7 * level, r: 4, class: 'event', 'data-id': t.id });
    const title = svg('title', {});
    title.textContent = `${t.name} (${t.date})`;
    dot.append(title);
    dot.addEventListener('click', () => open(t.id));
    strip.append(dot);
  }
  return strip;
}
