import type { Interval } from './soak-figures';

/**
 * docs/soak.svg: latency percentiles per interval (log scale) above, the API's RSS and heap below, with the
 * time the ingest ran shaded. Plain SVG text, so the plot needs no dependency and diffs as text.
 */

const W = 900;
const PANEL = 240;
const GAP = 60;
const LEFT = 70;
const RIGHT = 150;
const TOP = 30;
const H = TOP + PANEL + GAP + PANEL + 40;

interface Series {
  label: string;
  colour: string;
  values: (number | null)[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function polyline(xs: number[], ys: (number | null)[], colour: string): string {
  const parts: string[] = [];
  let run: string[] = [];
  xs.forEach((x, i) => {
    const y = ys[i];
    if (y === null || y === undefined || !Number.isFinite(y)) {
      if (run.length) parts.push(run.join(' '));
      run = [];
    } else run.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  if (run.length) parts.push(run.join(' '));
  return parts
    .map((points) => `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points}"/>`)
    .join('\n');
}

function panel(
  top: number,
  title: string,
  times: number[],
  series: Series[],
  scale: { min: number; max: number; log: boolean; unit: string },
  shade: { from: number; to: number } | null,
  limit: { value: number; label: string } | null,
): string {
  const width = W - LEFT - RIGHT;
  const tMax = Math.max(1, ...times);
  const x = (t: number) => LEFT + (t / tMax) * width;
  const f = (v: number) => (scale.log ? Math.log10(Math.max(v, scale.min)) : v);
  const [lo, hi] = [f(scale.min), f(scale.max)];
  const y = (v: number | null) => (v === null ? null : top + PANEL - ((f(v) - lo) / Math.max(1e-9, hi - lo)) * PANEL);
  const out: string[] = [
    `<text x="${LEFT}" y="${top - 10}" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<rect x="${LEFT}" y="${top}" width="${width}" height="${PANEL}" fill="none" stroke="#999"/>`,
  ];
  if (shade) {
    out.push(
      `<rect x="${x(shade.from).toFixed(1)}" y="${top}" width="${Math.max(1, x(shade.to) - x(shade.from)).toFixed(1)}" height="${PANEL}" fill="#f2e6c9" opacity="0.6"/>`,
      `<text x="${(x(shade.from) + 4).toFixed(1)}" y="${top + 14}" font-size="11" fill="#8a6d1f">ingest running</text>`,
    );
  }
  const ticks = scale.log
    ? [1, 10, 100, 1000, 10000, 100000].filter((v) => v >= scale.min && v <= scale.max)
    : Array.from({ length: 5 }, (_, i) => scale.min + ((scale.max - scale.min) * i) / 4);
  for (const v of ticks) {
    const yy = y(v)!;
    out.push(
      `<line x1="${LEFT}" x2="${LEFT + width}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}" stroke="#eee"/>`,
      `<text x="${LEFT - 6}" y="${(yy + 4).toFixed(1)}" font-size="11" text-anchor="end">${Math.round(v)} ${scale.unit}</text>`,
    );
  }
  for (let i = 0; i <= 5; i += 1) {
    const t = (tMax * i) / 5;
    out.push(
      `<text x="${x(t).toFixed(1)}" y="${top + PANEL + 16}" font-size="11" text-anchor="middle">${(t / 60).toFixed(1)} min</text>`,
    );
  }
  if (limit) {
    const yy = y(limit.value)!;
    out.push(
      `<line x1="${LEFT}" x2="${LEFT + width}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}" stroke="#c00" stroke-dasharray="4 3"/>`,
      `<text x="${LEFT + width + 6}" y="${(yy + 4).toFixed(1)}" font-size="11" fill="#c00">${esc(limit.label)}</text>`,
    );
  }
  const xs = times.map(x);
  series.forEach((s, i) => {
    out.push(polyline(xs, s.values.map(y), s.colour));
    const ly = top + 30 + i * 16;
    out.push(
      `<line x1="${LEFT + width + 6}" x2="${LEFT + width + 24}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2"/>`,
      `<text x="${LEFT + width + 28}" y="${ly + 4}" font-size="11">${esc(s.label)}</text>`,
    );
  });
  return out.join('\n');
}

/** The plot of a run: intervals of the closed loop, and when the ingest ran (seconds since the load began). */
export function soakSvg(series: Interval[], ingest: { fromS: number; toS: number } | null, caption: string): string {
  const times = series.map((s) => s.endS);
  const latencies = series.flatMap((s) => [s.p50, s.max]).filter(Number.isFinite);
  const latencyMax = Math.max(1000, ...latencies);
  const memory = series.flatMap((s) => [s.memory?.apiRssMb ?? NaN, s.memory?.apiHeapMb ?? NaN]).filter(Number.isFinite);
  const memMax = Math.ceil((Math.max(100, ...memory) * 1.15) / 50) * 50;
  const nan = (v: number) => (Number.isFinite(v) ? v : null);
  const shade = ingest ? { from: ingest.fromS, to: ingest.toS } : null;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    panel(
      TOP,
      'Latency per 5 s interval (ms, log scale)',
      times,
      [
        { label: 'p50', colour: '#1f77b4', values: series.map((s) => nan(s.p50)) },
        { label: 'p95', colour: '#2ca02c', values: series.map((s) => nan(s.p95)) },
        { label: 'p99', colour: '#ff7f0e', values: series.map((s) => nan(s.p99)) },
        { label: 'max', colour: '#d62728', values: series.map((s) => nan(s.max)) },
      ],
      { min: 1, max: latencyMax, log: true, unit: 'ms' },
      shade,
      { value: 500, label: 'p99 goal 500 ms' },
    ),
    panel(
      TOP + PANEL + GAP,
      'API memory (MB)',
      times,
      [
        { label: 'API RSS', colour: '#9467bd', values: series.map((s) => s.memory?.apiRssMb ?? null) },
        { label: 'API V8 heap used', colour: '#8c564b', values: series.map((s) => s.memory?.apiHeapMb ?? null) },
      ],
      { min: 0, max: memMax, log: false, unit: 'MB' },
      shade,
      null,
    ),
    `<text x="${LEFT}" y="${H - 8}" font-size="11" fill="#555">${esc(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
