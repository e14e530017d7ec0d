import { createReadStream, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { WEB_DIST_DIR } from '../src/server/web-router';
import { launchChromium } from '../tests/support/chromium';
import { loadAverage } from './machine';
import { median } from './measure';

/**
 * Two builds of the browser pages side by side: `node dist/bench/explore-compare.js <service url> <entity>
 * <other dist/web> [loads]`. On this shared machine the median of one bench:explore run moves with the others'
 * load more than a change moves it, so runs made at different times do not compare. This serves each build
 * (`<other dist/web>`, e.g. one built from an older commit, and this tree's dist/web) from a small static server
 * of its own that passes /graphql and everything else on to the one service, and alternates cold loads of
 * /explore?entity=<entity> between the two (fresh Chromium profiles, the order flipped every round, a first
 * round not counted), so both see the same load.
 */

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.ttf': 'font/ttf',
};

/** A static server of `dir`'s /explore page and /ui/ assets; any other path goes on to `service`. */
function serveBuild(dir: string, service: URL): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const file =
      path === '/explore' ? join(dir, 'explore.html') : path.startsWith('/ui/') ? join(dir, path.slice(4)) : null;
    if (file === null) {
      // The same way for both builds, so the API's part costs both the same.
      const upstream = request(
        { host: service.hostname, port: service.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': path === '/explore' ? 'no-cache' : 'max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

interface Load {
  ms: number;
  /** Page time of the first /graphql request sent and answered. */
  sent: number;
  answered: number;
}

async function coldLoad(url: string, entity: string): Promise<Load> {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const t0 = performance.now();
    await page.goto(`${url}/explore?entity=${encodeURIComponent(entity)}`);
    try {
      await page.locator('#cy[data-ready="true"]').waitFor({ timeout: 60000 });
    } catch (err) {
      const message = await page.locator('#message').textContent();
      throw new Error(`${url}: the graph was not drawn in 60 s; the page says "${message ?? ''}"`, { cause: err });
    }
    const ms = performance.now() - t0;
    const request = (await page.evaluate(`(() => {
      const first = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graphql'))
        .sort((a, b) => a.startTime - b.startTime)[0];
      return { sent: first.startTime, answered: first.responseEnd };
    })()`)) as { sent: number; answered: number };
    return { ms, ...request };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const [service, entity, other, loadsArg] = process.argv.slice(2);
  if (!service?.startsWith('http') || !entity || !other) {
    throw new Error('usage: node dist/bench/explore-compare.js <service url> <entity> <other dist/web> [loads]');
  }
  const builds = { other: resolve(other), this: WEB_DIST_DIR };
  for (const dir of Object.values(builds)) {
    if (!existsSync(join(dir, 'explore.html'))) throw new Error(`${dir} holds no built explore.html`);
  }
  const loads = Number(loadsArg ?? 10);
  const servers = {
    other: await serveBuild(builds.other, new URL(service)),
    this: await serveBuild(builds.this, new URL(service)),
  };
  const results: Record<'other' | 'this', Load[]> = { other: [], this: [] };
  const loadAtStart = loadAverage();
  try {
    for (let round = 0; round <= loads; round += 1) {
      for (const which of round % 2 === 0 ? (['other', 'this'] as const) : (['this', 'other'] as const)) {
        // The first round warms the service and Neo4j up (a cold 1M store can take longer than a page waits).
        const load = await coldLoad(servers[which].url, entity).catch((err: unknown) => {
          if (round > 0) throw new Error(`${builds[which]}: ${(err as Error).message}`, { cause: err });
          return null;
        });
        if (round > 0 && load) results[which].push(load);
      }
    }
  } finally {
    for (const { server } of Object.values(servers)) server.close();
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
  const lines = [
    `/explore?entity=${entity} on ${service}, ${loads} cold loads of each build alternating, ${new Date().toISOString()}`,
    ...(['other', 'this'] as const).map((which) => {
      const r = results[which];
      const all = r.map((l) => l.ms);
      return (
        `  ${which === 'other' ? builds.other : `${builds.this} (this tree)`}: median ${ms(all)} ` +
        `(min ${Math.min(...all).toFixed(0)}, max ${Math.max(...all).toFixed(0)}); first /graphql request sent at ` +
        `${ms(r.map((l) => l.sent))}, answered at ${ms(r.map((l) => l.answered))} (page time, medians)`
      );
    }),
    `Load average (1/5/15 min) at the start: ${loadAtStart}; at the end: ${loadAverage()}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
