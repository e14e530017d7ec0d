import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/core/paths';
import { withBulkSection } from './bulk-report';
import { IMPLS, type BenchResult, type ImplResult, type QueryResult, type SizeResult } from './results';

/** Renders benchmarks.md from the raw figures; hand-written analysis comes from bench/analysis.md. */

const ms = (x: number | null | undefined): string =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1);
const num = (x: number | null | undefined, d = 0): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
/** This service's p50 over the other's, only when the gate agreed and both sides have samples. */
const ratio = (q: QueryResult, other: 'neo4jGraphql' | 'raw'): number | null =>
  q.gate.agree ? (q.ratios[other]?.ratio ?? null) : null;
const rt = (x: number | null): string => (x === null ? '–' : String(x));

function c(r: ImplResult, connections: number): string {
  const x = r.concurrency.find((k) => k.connections === connections);
  return x ? `${num(x.rps)} / ${ms(x.p99)}${x.errors ? ` (${x.errors} err)` : ''}` : '–';
}

const names = { ours: 'this service', neo4jGraphql: '@neo4j/graphql', raw: 'raw Cypher' } as const;

/** "p50 (min–max of the repeats' p50s)", or a loud warning for a cell without one successful sample. */
function p50Cell(r: ImplResult): string {
  if (!r.c1) return `⚠ **0 successful samples**${r.c1Errors ? ` (${r.c1Errors} errors)` : ''}`;
  const repeats = r.repeatP50s.filter((x) => Number.isFinite(x));
  const spread = repeats.length > 1 ? ` (${ms(Math.min(...repeats))}–${ms(Math.max(...repeats))})` : '';
  return `${ms(r.c1.p50)}${spread}`;
}

function queryTable(size: SizeResult): string[] {
  const lines = [
    '| query | impl | n | p50 ms (repeats) | p95 ms | p99 ms | c=8 req/s / p99 ms | c=32 req/s / p99 ms | round trips |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const q of size.queries) {
    for (const impl of IMPLS) {
      const r = q.impls[impl];
      const err = r.error ? ` ⚠ ${r.error.replace(/\|/g, '/').replace(/\n/g, ' ').slice(0, 120)}` : '';
      lines.push(
        `| ${impl === 'ours' ? q.name : ''} | ${names[impl]}${err} | ${r.c1?.n ?? 0} | ${p50Cell(r)} | ${ms(r.c1?.p95)} | ${ms(r.c1?.p99)} | ${c(r, 8)} | ${c(r, 32)} | ${rt(r.roundTrips)} |`,
      );
    }
  }
  return lines;
}

/** A ratio cell: "0.71× (0.65–0.80)", or why there is none (the gate differs, or a side has no sample). */
function ratioCell(q: QueryResult | undefined, other: 'neo4jGraphql' | 'raw'): string {
  if (!q) return '–';
  if (!q.gate.agree) return '≠ (gate differs)';
  const r = q.ratios[other];
  if (!r) return '⚠ no samples';
  return `${r.ratio.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
}

function ratioTable(sizes: SizeResult[]): string[] {
  const lines = [
    `| query | ${sizes.map((s) => `${s.size}: this/@neo4j/graphql`).join(' | ')} | ${sizes.map((s) => `${s.size}: this/raw`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | ${sizes.map(() => '---:').join(' | ')} |`,
  ];
  const queryNames = sizes[0]?.queries.map((q) => q.name) ?? [];
  for (const name of queryNames) {
    const find = (s: SizeResult) => s.queries.find((x: QueryResult) => x.name === name);
    lines.push(
      `| ${name} | ${sizes.map((s) => ratioCell(find(s), 'neo4jGraphql')).join(' | ')} | ${sizes.map((s) => ratioCell(find(s), 'raw')).join(' | ')} |`,
    );
  }
  return lines;
}

/** The gate's verdict per row and size: agreed answer sizes, or what differed. */
function gateTable(sizes: SizeResult[]): string[] {
  const lines = [
    `| query | ${sizes.map((s) => s.size).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---').join(' | ')} |`,
  ];
  const queryNames = sizes[0]?.queries.map((q) => q.name) ?? [];
  for (const name of queryNames) {
    const cell = (s: SizeResult) => {
      const q = s.queries.find((x) => x.name === name);
      if (!q) return '–';
      if (q.gate.agree) return `agree: ${q.gate.items} items, ${q.gate.edges} edges`;
      return `**differ**: ${q.gate.differences.join('; ').replace(/\|/g, '/').slice(0, 300)}`;
    };
    lines.push(`| ${name} | ${sizes.map(cell).join(' | ')} |`);
  }
  return lines;
}

function ingestTable(sizes: SizeResult[]): string[] {
  const lines = [
    '| size | articles | fact rows | fact rels | MENTIONS rels | entities | load s | rels/s (facts + MENTIONS) | fact rels/s | plain UNWIND s | plain rels/s | loader speed / plain | re-ingest s (unchanged) | loader peak RSS MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of sizes) {
    const l = s.load;
    if (!l) {
      lines.push(`| ${s.size} | load failed: ${(s.loadError ?? '').slice(0, 150).replace(/\n/g, ' ')} |`);
      continue;
    }
    const secs = l.loadMs / 1000;
    const factRate = l.factRels / secs;
    const allRate = (l.factRels + l.mentionRels) / secs;
    const plainRate = l.plain ? l.plain.relsCreated / (l.plain.ms / 1000) : null;
    const speed = l.plain ? `${(l.plain.ms / l.loadMs).toFixed(2)}×` : '–';
    lines.push(
      `| ${s.size} | ${num(l.articles)} | ${l.plain ? num(l.factRows) : '–'} | ${num(l.factRels)} | ${num(l.mentionRels)} | ${num(l.nodes)} | ${num(secs, 1)} | ${num(allRate)} | ${num(factRate)} | ${l.plain ? num(l.plain.ms / 1000, 1) : '–'} | ${num(plainRate)} | ${speed} | ${num(l.reingestMs / 1000, 2)} (${l.reingestUnchanged}/${l.articles}) | ${num(l.peakRssMb)} |`,
    );
  }
  return lines;
}

function targets(result: BenchResult): string[] {
  const out: string[] = [];
  const mark = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? '**met**' : '**missed**');
  for (const s of result.sizes) {
    if (!s.queries.length) continue;
    const differ = s.queries.filter((q) => !q.gate.agree);
    out.push(
      `- ${s.size}: the equivalence gate agrees on every row: ${mark(differ.length === 0)}${differ.length ? ` (differ: ${differ.map((q) => q.name).join(', ')})` : ''}`,
    );
    const list = (xs: { name: string; r: number | null }[]) =>
      xs.map((x) => `${x.name} ${x.r === null ? 'no ratio' : `${x.r.toFixed(2)}×`}`).join(', ');
    const overPeer = s.queries
      .map((q) => ({ name: q.name, r: ratio(q, 'neo4jGraphql') }))
      .filter((x) => x.r === null || x.r > 0.8);
    out.push(
      `- ${s.size}: every query p50 ≤ 0.8× @neo4j/graphql: ${mark(overPeer.length === 0)}${overPeer.length ? ` (over: ${list(overPeer)})` : ''}`,
    );
    const over = s.queries.map((q) => ({ name: q.name, r: ratio(q, 'raw') })).filter((x) => x.r === null || x.r > 1.5);
    out.push(
      `- ${s.size}: every query p50 ≤ 1.5× raw Cypher (in-process floor, not yet over HTTP): ${mark(over.length === 0)}${over.length ? ` (over: ${list(over)})` : ''}`,
    );
    const trips = s.queries.filter((q) => q.impls.ours.roundTrips !== 1);
    out.push(
      `- ${s.size}: 1 round trip per request: ${mark(trips.length === 0)}${trips.length ? ` (not: ${trips.map((q) => q.name).join(', ')})` : ''}`,
    );
    if (s.load?.plain) {
      const rate = (s.load.factRels + s.load.mentionRels) / (s.load.loadMs / 1000);
      const speed = s.load.plain.ms / s.load.loadMs;
      out.push(
        `- ${s.size}: ingest ≥ 0.7× plain UNWIND (same graph, plain time / loader time): ${mark(speed >= 0.7)} (${speed.toFixed(2)}×)`,
      );
      if (s.size === '1m') {
        out.push(`- 1m: ingest ≥ 50k rels/s: ${mark(rate >= 50_000)} (${num(rate)} rels/s, facts and MENTIONS)`);
      }
    }
  }
  if (!result.sizes.some((s) => s.size === '1m'))
    out.push('- ingest ≥ 50k rels/s at 1M: not measured in this run (see the 10k/100k rates)');
  if (result.startup) {
    const w = result.startup.warmMs;
    out.push(
      `- warm start to /readyz ≤ 10 s: ${mark(w === null ? null : w <= 10_000)} (${w === null ? '–' : `${(w / 1000).toFixed(1)} s`})`,
    );
  }
  return out;
}

/** A hand-written part of the report (bench/NAME, beside the compiled report in dist/bench), or nothing. */
function include(name: string): string[] {
  const file = join(__dirname, '..', '..', 'bench', name);
  return existsSync(file) ? [readFileSync(file, 'utf8').trim(), ''] : [];
}

/**
 * benchmarks.md for a run: method, machine, gate, ratios, targets, ingest, per-size tables, start-up, the
 * previous harness's figures, analysis.
 */
export function renderMarkdown(result: BenchResult): string {
  const m = result.machine;
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`${result.command}\` (${result.mode} mode), ${result.startedAt} to ${result.finishedAt}. Raw figures: [benchmarks.json](benchmarks.json).`,
    'The harness is in `bench/` (`bench/run.ts` drives it; synthetic data: `bench/generate.ts`; queries in three implementations: `bench/queries.ts`).',
    '',
    ...include('method.md'),
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    ...Object.entries(m).map(([k, v]) => `| ${k} | ${v} |`),
    ...Object.entries(result.settings).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    'Everything runs on this one machine: Neo4j, the service, the @neo4j/graphql server, and the load generator',
    '(autocannon, in the bench process) share its cores, so concurrency figures are lower bounds of what a separate',
    'client would see.',
    '',
    '## Equivalence gate',
    '',
    'Each row, before it is timed: one answer from each implementation, normalised (ids in the order the query',
    'defines; edges as type:from>to with their quote count, as a multiset; stances and events with their evidence or',
    'initiator counts). A row whose answers differ gets no ratio.',
    '',
    ...gateTable(result.sizes),
    '',
    '## Query latency ratios (p50 at concurrency 1, interleaved)',
    '',
    "This service's p50 over the other's, from the pooled samples, and in brackets the lowest and highest of the",
    'per-repeat ratios. Below 1 is faster than the other implementation.',
    '',
    ...ratioTable(result.sizes),
    '',
    '## Targets',
    '',
    ...targets(result),
    '',
    '## Ingest',
    '',
    'The project loader is `loadArticles` (ingest/pipeline.ts), fed the synthetic articles (~500 facts each) 100 at a',
    'time as `ingestPaths` feeds it files: it checks which articles the graph holds, then writes new ones about 50,000',
    'facts and mentions per transaction, with the named UNWIND…MERGE statements of cypher/queries/ingest/ (evidence',
    'lists, MENTIONS, kind checks). The plain floor writes the same graph (the same nodes, the fact rows as',
    '`PLAIN_FACT` with their quotes, the mentions as `PLAIN_MENTION`) with one generic `UNWIND $rows AS r MERGE …`',
    'statement per kind of row, 5,000 rows per transaction, through neo4j-driver, in the same run, then is deleted.',
    '"loader speed / plain" is the plain time over the loader time for that same graph. Rates count relationships in',
    'the graph after the load over the load time; repeated facts merge, so fact rels ≤ fact rows. Re-ingest loads the',
    'same articles again (the unchanged, idempotent path). Peak RSS is that of the loader process (a child of the',
    'bench), before the floor runs. The seed row is the sample corpus through `ingestPaths`.',
    '',
    ...ingestTable(result.sizes),
    '',
  ];
  for (const s of result.sizes) {
    lines.push(`## Queries at ${s.size}`, '');
    if (!s.queries.length) {
      lines.push(`Not measured: ${s.loadError ?? 'no queries'}`, '');
      continue;
    }
    const load = s.loadAverage
      ? ` Load average (1/5/15 min) when its queries started: ${s.loadAverage.start}; when they ended: ${s.loadAverage.end}.`
      : '';
    lines.push(
      `Parameters: ${Object.entries(s.params)
        .map(([k, v]) => `${k} \`${v}\``)
        .join(', ')}.${load}`,
      '',
      ...queryTable(s),
      '',
      `RSS: API ${ms(s.rss.apiIdleMb)} MB idle, ${ms(s.rss.apiLoadMb)} MB peak under load; Neo4j ${ms(s.rss.neo4jIdleMb)} MB idle, ${ms(s.rss.neo4jLoadMb)} MB peak under load.`,
      '',
    );
    const notes = s.queries.filter((q) => q.note).map((q) => `- ${q.name}: ${q.note}`);
    if (notes.length) lines.push('Differences between the implementations:', '', ...notes, '');
  }
  lines.push('## Start-up', '');
  if (result.startup) {
    const st = result.startup;
    lines.push(
      `\`node dist/src/main.js\` with a new NEO4J_LOCAL_DIR and free ports, timed to the first 200 from /readyz. Jars ${st.jarsCached ? 'were already cached in NEO4J_LOCAL_LIB_DIR (no download in the cold start)' : 'were not cached: the cold start includes resolving them'}.`,
      '',
      '| cold start (new home, corpus seeded) s | warm start s | API RSS idle MB | Neo4j RSS idle MB |',
      '| ---: | ---: | ---: | ---: |',
      `| ${st.coldMs === null ? '–' : (st.coldMs / 1000).toFixed(1)} | ${st.warmMs === null ? '–' : (st.warmMs / 1000).toFixed(1)} | ${ms(st.apiIdleMb)} | ${ms(st.neo4jIdleMb)} |`,
      '',
      st.error ? `Error: ${st.error}` : '',
    );
  } else {
    lines.push('Not measured in this run.', '');
  }
  lines.push(...include('previous-harness.md'), ...include('analysis.md'));
  lines.push(
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                                  # seed, 10k, 100k and 1M into docs/ (about 35 minutes here)',
    'npm run bench -- --sizes=seed,10k,100k        # without 1M',
    'npm run bench -- --repeats=3 --rounds=30      # the c=1 sampling: repeats of interleaved rounds (the defaults)',
    'npm run bench -- --smoke                      # CI: tiny sizes, short runs, output in a temp folder',
    'NEO4J_URI=bolt://… NEO4J_PASSWORD=… npm run bench   # against an existing Neo4j (it is wiped!)',
    '```',
    '',
  );
  return `${lines.join('\n')}\n`;
}

/** Writes dir/benchmarks.md in the project's prettier style, so that `npm run lint` accepts docs/benchmarks.md. */
export async function writeMarkdown(dir: string, result: BenchResult): Promise<void> {
  // The bulk first load is measured apart (npm run bench:bulk); its section is kept from docs/bulk-load.json.
  const markdown = withBulkSection(renderMarkdown(result), join(PROJECT_ROOT, 'docs'));
  writeFileSync(join(dir, 'benchmarks.md'), await formatMarkdown(markdown));
}

/** Markdown in the project's prettier style (unchanged when prettier cannot be loaded). */
export async function formatMarkdown(markdown: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(join(PROJECT_ROOT, 'docs', 'benchmarks.md'))) ?? {};
    return await prettier.format(markdown, { ...config, parser: 'markdown' });
  } catch {
    return markdown;
  }
}
