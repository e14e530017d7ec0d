/**
 * The evaluation sets of the extractor and their scoring, shared by `npm run eval:extract` and the CI
 * floors test:
 * - `seeds`: the curated corpus (ingest/corpus + ingest/annotations), one article left out at a time —
 *   the gazetteer for article k holds the curated annotations of the other seeds only;
 * - `tune` / `test` / `fresh` / `fresh2`: hand-annotated development articles, `<dir>/<split>/<id>.txt` (or .md/.html) with
 *   `<id>.yaml` as gold and an optional `<id>.neutral.txt` (one name a line, see CompareOptions.neutral);
 *   their gazetteer is every seed's curated annotation, as a fresh install has it; the country is neutral in
 *   each (COUNTRY_NAMES).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AnnotationSchema, type Annotation } from '../annotation/format';
import { readAnnotation } from '../annotation/read';
import { readArticleFile, type ArticleDocument } from '../article/read';
import {
  compareAnnotations,
  f1,
  FACT_KINDS,
  precision,
  recall,
  type Comparison,
  type FactKind,
  type Score,
} from './evaluate';
import type { Extractor } from './extractor';
import { gazetteerFromAnnotations, type Gazetteer } from './gazetteer';

export const EVAL_SETS = [
  'seeds',
  'tune',
  'test',
  'fresh',
  'fresh2',
  'fresh3',
  'fresh4',
  'fresh5',
  'fresh6',
  'fresh7',
] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

/** Where the sets live. */
export interface EvalPaths {
  corpus: string;
  annotations: string;
  /** The development set's root, holding tune/, test/, fresh/ and fresh2/. */
  devset: string;
}

/** One article to score: its text, its gold annotation, what the extractor may know, and the neutral names. */
export interface EvalItem {
  id: string;
  doc: ArticleDocument;
  gold: Annotation;
  gazetteer: Gazetteer;
  neutral: string[];
}

export interface ArticleResult {
  id: string;
  comparison: Comparison;
}

/** The machine-readable result of one run (what `--json` writes). */
export interface EvalReport {
  set: EvalSet;
  extractor: string;
  articles: { id: string; scores: Record<FactKind, Score> }[];
  totals: Record<FactKind, Score & { precision: number; recall: number; f1: number }>;
}

const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

/**
 * The country is neutral in every development article whose gold leaves it out: the annotation guide keeps
 * jurisdictions that act or are acted on, the annotators never kept the country, and the issue's own
 * measurement on unseen articles counts it neither for nor against. Listing it in each `.neutral.txt`
 * would say the same thing 86 times.
 */
export const COUNTRY_NAMES: readonly string[] = [
  'United States',
  'U.S.',
  'US',
  'USA',
  'America',
  'United States of America',
];

/** The curated annotations of a directory, by file stem. */
export function loadCurated(dir: string): Map<string, Annotation> {
  const curated = new Map<string, Annotation>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const { annotation } = readAnnotation(readFileSync(join(dir, file), 'utf8'), file);
    if (annotation.origin === 'curated') curated.set(basename(file, '.yaml'), annotation);
  }
  return curated;
}

/** The articles of a set, each with its gold and its gazetteer. */
export async function loadEvalSet(set: EvalSet, paths: EvalPaths): Promise<EvalItem[]> {
  const seeds = loadCurated(paths.annotations);
  if (set === 'seeds') {
    const items: EvalItem[] = [];
    for (const [id, gold] of seeds) {
      const file = articleFileOf(paths.corpus, id);
      if (!file) continue;
      const others = [...seeds].filter(([s]) => s !== id).map(([, a]) => a);
      items.push({
        id,
        doc: await readArticleFile(file),
        gold,
        gazetteer: gazetteerFromAnnotations(others),
        neutral: [],
      });
    }
    return items;
  }
  const dir = join(paths.devset, set);
  if (!existsSync(dir)) throw new Error(`no ${set} split at ${dir}`);
  const gazetteer = gazetteerFromAnnotations([...seeds.values()]);
  const items: EvalItem[] = [];
  for (const [id, gold] of loadCurated(dir)) {
    const file = articleFileOf(dir, id);
    if (!file) throw new Error(`${set}/${id}.yaml has no article file beside it`);
    const neutralFile = join(dir, `${id}.neutral.txt`);
    const neutral = existsSync(neutralFile)
      ? readFileSync(neutralFile, 'utf8')
          .split('\n')
          .map((l) => l.replace(/#.*$/, '').trim())
          .filter((l) => l.length > 0)
      : [];
    items.push({ id, doc: await readArticleFile(file), gold, gazetteer, neutral: [...neutral, ...COUNTRY_NAMES] });
  }
  return items;
}

function articleFileOf(dir: string, id: string): string | undefined {
  const file = readdirSync(dir).find(
    (f) => basename(f, extname(f)) === id && ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()),
  );
  return file ? join(dir, file) : undefined;
}

/** Runs an extractor over every item and compares each result with its gold. */
export async function scoreItems(items: EvalItem[], extractor: Extractor): Promise<ArticleResult[]> {
  const results: ArticleResult[] = [];
  for (const item of items) {
    const extracted = await extractor.extract(item.doc, item.gazetteer);
    const comparison = compareAnnotations(extracted, item.gold, item.doc.text, (a) => AnnotationSchema.parse(a), {
      neutral: item.neutral,
    });
    results.push({ id: item.id, comparison });
  }
  return results;
}

/** The micro-average of one kind over the articles. */
export function totalOf(results: ArticleResult[], kind: FactKind): Score {
  return results.reduce<Score>(
    (sum, r) => ({
      extracted: sum.extracted + r.comparison.scores[kind].extracted,
      gold: sum.gold + r.comparison.scores[kind].gold,
      matched: sum.matched + r.comparison.scores[kind].matched,
    }),
    { extracted: 0, gold: 0, matched: 0 },
  );
}

/** The report of a run, with rates rounded to three places. */
export function reportOf(set: EvalSet, extractor: string, results: ArticleResult[]): EvalReport {
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const totals = Object.fromEntries(
    FACT_KINDS.map((k) => {
      const s = totalOf(results, k);
      return [k, { ...s, precision: round(precision(s)), recall: round(recall(s)), f1: round(f1(s)) }];
    }),
  ) as EvalReport['totals'];
  return { set, extractor, articles: results.map((r) => ({ id: r.id, scores: r.comparison.scores })), totals };
}

/** Loads a set, extracts and scores it. */
export async function evaluateSet(
  set: EvalSet,
  extractor: Extractor,
  paths: EvalPaths,
): Promise<{
  report: EvalReport;
  results: ArticleResult[];
}> {
  const results = await scoreItems(await loadEvalSet(set, paths), extractor);
  return { report: reportOf(set, extractor.name, results), results };
}
