/**
 * A corpus as the offline importer's files: the same rows the online loader merges (planArticle, then
 * combinePlans over the whole corpus, as if it were one batch of new articles), with the same labels,
 * properties and relationship types the named upserts of cypher/queries/ingest/ write, and the change-log
 * entries the loader records (freshChange). One node file per label set, one relationship file per type.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeRecord } from '../../src/core/change-log';
import { FACT_TYPES, type FactType } from '../../src/core/vocabulary';
import { freshChange } from '../change-records';
import {
  type CombinedFactRow,
  type CombinedRows,
  combinePlans,
  EventJoinError,
  KindClashError,
} from '../combine-plans';
import { planArticle } from '../graph-plan';
import type { PreparedArticle } from '../prepare-input';
import { type CsvColumn, CsvFile, type DeferredProperties, importerCsvOptions } from './csv';

/** A corpus the bulk load cannot take as a whole; says which article or id, and what to do instead. */
export class BulkCorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkCorpusError';
  }
}

/** What a bulk load writes: the combined rows of every article and one change-log entry per article. */
export interface BulkRows {
  rows: CombinedRows;
  changes: ChangeRecord[];
}

/**
 * Plans and combines every article of the corpus, in order, with the loader's own code. Refuses what the
 * online loader would only settle article by article against the graph: two articles with one id, an id
 * declared with two kinds, an extracted event declared by an earlier article too.
 */
export function bulkRows(items: PreparedArticle[]): BulkRows {
  const plans = items.map((item) => planArticle(item.annotation, item.doc));
  const files = new Map<string, string>();
  for (const plan of plans) {
    const earlier = files.get(plan.article.id);
    if (earlier !== undefined) {
      throw new BulkCorpusError(
        `${plan.article.file}: article id "${plan.article.id}" is also the id of ${earlier}; a bulk load takes each article once`,
      );
    }
    files.set(plan.article.id, plan.article.file);
  }
  let rows: CombinedRows;
  try {
    rows = combinePlans(plans);
  } catch (error) {
    if (error instanceof KindClashError || error instanceof EventJoinError) {
      throw new BulkCorpusError(
        `${error.message}: the online loader decides this article by article; bulk-load the corpus without the later article and ingest it afterwards`,
      );
    }
    throw error;
  }
  const declared = new Set(rows.declared.map((d) => d.id));
  for (const type of FACT_TYPES) {
    for (const fact of rows.facts[type]) {
      const missing = [fact.from, fact.to].find((id) => !declared.has(id));
      if (missing !== undefined) {
        throw new BulkCorpusError(
          `fact ${fact.key} (${fact.sources.join(', ')}) names "${missing}", which no article declares`,
        );
      }
    }
  }
  return { rows, changes: plans.map(freshChange) };
}

type Column<R> = CsvColumn<R>;
const str = <R>(key: string): Column<R> => ({ header: `${key}:string`, type: 'string', key });
const strs = <R>(key: string): Column<R> => ({ header: `${key}:string[]`, type: 'string[]', key });
const idColumn = <R>(space: string): Column<R> => ({
  header: `id:ID(${space})`,
  type: 'string',
  key: 'id',
  identity: true,
});

type ArticleRow = CombinedRows['articles'][number];
type EntityRow = CombinedRows['entities'][string][number];
type EventRow = CombinedRows['events'][number];
type MentionRow = CombinedRows['mentions'][number];
type ChangeRow = ChangeRecord & { seq: number; at: Date };

const ARTICLE_KEYS = [
  'id',
  'file',
  'title',
  'url',
  'published',
  'author',
  'source',
  'origin',
  'contentHash',
  'annotationHash',
  'text',
  'factKeys',
];
const articleColumns = (at: Date): Column<ArticleRow>[] => [
  idColumn('Article'),
  ...ARTICLE_KEYS.slice(1, -1).map((k) => str<ArticleRow>(k)),
  strs('factKeys'),
  { header: 'ingestedAt:datetime', type: 'datetime', key: 'ingestedAt', get: () => at },
];
const ENTITY_COLUMNS: Column<EntityRow>[] = [
  idColumn('Entity'),
  str('name'),
  strs('aliases'),
  str('type'),
  str('description'),
  str('origin'),
];
const EVENT_COLUMNS: Column<EventRow>[] = [
  idColumn('Entity'),
  str('name'),
  strs('aliases'),
  str('eventType'),
  str('date'),
  str('datePrecision'),
  str('summary'),
  str('origin'),
];
const CHANGE_COLUMNS: Column<ChangeRow>[] = [
  { header: 'seq:long', type: 'long', key: 'seq', identity: true },
  { header: 'at:datetime', type: 'datetime', key: 'at' },
  ...['kind', 'articleId', 'title', 'origin', 'published'].map((k) => str<ChangeRow>(k)),
  strs('entityIds'),
];
const COUNTER_COLUMNS: Column<{ id: string; seq: number }>[] = [
  { header: 'id:string', type: 'string', key: 'id', identity: true },
  { header: 'seq:long', type: 'long', key: 'seq' },
];
const CLAIM_KEYS = ['quote', 'confidence', 'name', 'eventType', 'date', 'type', 'description', 'summary'] as const;
const MENTION_COLUMNS: Column<MentionRow>[] = [
  { header: ':START_ID(Article)', type: 'string', key: 'article', identity: true },
  { header: ':END_ID(Entity)', type: 'string', key: 'id', identity: true },
  ...CLAIM_KEYS.map((k): Column<MentionRow> => ({
    header: k === 'confidence' ? `${k}:double` : `${k}:string`,
    type: k === 'confidence' ? 'double' : 'string',
    key: k,
    get: (m) => m.claim[k],
  })),
];
// The properties upsert-facts sets on a new relationship, read from one combined fact row.
const FACT_COLUMNS: Column<CombinedFactRow>[] = [
  { header: ':START_ID(Entity)', type: 'string', key: 'from', identity: true },
  { header: ':END_ID(Entity)', type: 'string', key: 'to', identity: true },
  // With the endpoints and the type, key and origin are what finds the relationship again (MERGE's keys).
  { ...str<CombinedFactRow>('key'), identity: true },
  { ...str<CombinedFactRow>('origin'), identity: true },
  ...['title', 'start', 'end'].map((k) => str<CombinedFactRow>(k)),
  { ...strs<CombinedFactRow>('evidenceArticles'), get: (r) => r.articles },
  { ...strs<CombinedFactRow>('evidenceQuotes'), get: (r) => r.quotes },
  {
    header: 'evidenceConfidence:double[]',
    type: 'double[]',
    key: 'evidenceConfidence',
    get: (r) => r.confidences,
  },
  strs('sources'),
  {
    header: 'confidence:double',
    type: 'double',
    key: 'confidence',
    // upsert-facts keeps the running maximum from 0.0.
    get: (r) => {
      let m = 0;
      for (const c of r.confidences) if (c > m) m = c;
      return m;
    },
  },
];
const FACT_ROW_KEYS = [
  'key',
  'from',
  'to',
  'title',
  'start',
  'end',
  'quotes',
  'confidences',
  'origin',
  'articles',
  'sources',
];

/**
 * A row with a property these files do not carry means the model grew and this writer did not: fail
 * rather than load a graph that differs from the online loader's.
 */
function onlyKnown(row: object, known: ReadonlySet<string>, what: () => string): void {
  // for…in rather than Object.keys: no array per row of a million.
  for (const k in row) {
    if (!known.has(k)) {
      throw new Error(
        `${what()} has a property "${k}" that ingest/bulk/import-files.ts does not write; add its column`,
      );
    }
  }
}

/** One file of the import, with what the importer needs to know of it. */
export interface ImportFile {
  path: string;
  rows: number;
  longestLine: number;
}

/**
 * What the deferred values of a row are set on after the import: the node or relationship a named query of
 * cypher/queries/ingest/bulk-deferred-*.cypher finds again by `ref`.
 */
export type DeferredTarget = 'Article' | 'Entity' | 'Change' | 'MENTIONS' | FactType;

/**
 * One line of DEFERRED_FILE: property values kept out of the CSV lines (they hold line breaks, which would
 * need the importer's slow multiline parsing), set on the imported graph by finishBulkLoad.
 */
export interface DeferredRow {
  target: DeferredTarget;
  ref: Record<string, string | number>;
  properties: DeferredProperties;
}

/** The file, beside the CSV files, that holds the deferred values as JSON lines. */
export const DEFERRED_FILE = 'deferred-values.jsonl';

/** The files of one bulk load, by label set and by relationship type, and the values set after the import. */
export interface ImportFiles {
  dir: string;
  nodes: (ImportFile & { labels: string[] })[];
  relationships: (ImportFile & { type: string })[];
  /** Rows with property values in DEFERRED_FILE. */
  deferredRows: number;
}

/** Node and relationship counts of the files. */
export function importCounts(files: ImportFiles): { nodes: number; relationships: number } {
  const sum = (list: ImportFile[]): number => list.reduce((n, f) => n + f.rows, 0);
  return { nodes: sum(files.nodes), relationships: sum(files.relationships) };
}

/** How one kind of row becomes a file: its columns, its name in errors, and how its deferred values find it again. */
interface FileSpec<R> {
  columns: Column<R>[];
  known: ReadonlySet<string>;
  what: (row: R) => string;
  /** The object whose properties onlyKnown checks (a mention's claim, a row itself). */
  checked?: (row: R) => object;
  target: DeferredTarget;
  ref: (row: R) => Record<string, string | number>;
}

async function writeFile<R>(
  path: string,
  spec: FileSpec<R>,
  rows: Iterable<R>,
  deferred: DeferredRow[],
): Promise<ImportFile> {
  const file = new CsvFile(path, spec.columns);
  try {
    for (const row of rows) {
      const where = (): string => spec.what(row);
      onlyKnown(spec.checked ? spec.checked(row) : (row as object), spec.known, where);
      if (file.add(row, where)) await file.flush();
    }
  } finally {
    await file.close();
  }
  for (const d of file.deferred) {
    deferred.push({ target: spec.target, ref: spec.ref(d.row), properties: d.properties });
  }
  return { path, rows: file.rows, longestLine: file.longestLine };
}

const keysOf = <R>(columns: Column<R>[]): Set<string> => new Set(columns.map((c) => c.key));

/**
 * Writes the importer's files for these rows into dir (created if needed), and DEFERRED_FILE with the values
 * that hold line breaks; `at` stands for the transaction time the online loader stores as ingestedAt and as
 * the change entries' at.
 */
export async function writeImportFiles(dir: string, bulk: BulkRows, at: Date): Promise<ImportFiles> {
  await mkdir(dir, { recursive: true });
  const { rows } = bulk;
  const files: ImportFiles = { dir, nodes: [], relationships: [], deferredRows: 0 };
  const deferred: DeferredRow[] = [];
  const byId = (row: { id: string }): Record<string, string> => ({ id: row.id });
  files.nodes.push({
    labels: ['Article'],
    ...(await writeFile(
      join(dir, 'articles.csv'),
      {
        columns: articleColumns(at),
        known: new Set(ARTICLE_KEYS),
        what: (a) => `article ${a.file}`,
        target: 'Article',
        ref: byId,
      },
      rows.articles,
      deferred,
    )),
  });
  for (const [label, entityRows] of Object.entries(rows.entities)) {
    files.nodes.push({
      labels: ['Entity', label],
      ...(await writeFile(
        join(dir, `entities-${label}.csv`),
        {
          columns: ENTITY_COLUMNS,
          known: keysOf(ENTITY_COLUMNS),
          what: (e) => `${label} ${e.id}`,
          target: 'Entity',
          ref: byId,
        },
        entityRows,
        deferred,
      )),
    });
  }
  if (rows.events.length > 0) {
    files.nodes.push({
      labels: ['Entity', 'Event'],
      ...(await writeFile(
        join(dir, 'events.csv'),
        {
          columns: EVENT_COLUMNS,
          known: keysOf(EVENT_COLUMNS),
          what: (e) => `event ${e.id}`,
          target: 'Entity',
          ref: byId,
        },
        rows.events,
        deferred,
      )),
    });
  }
  if (bulk.changes.length > 0) {
    files.nodes.push({
      labels: ['Change'],
      ...(await writeFile(
        join(dir, 'changes.csv'),
        {
          columns: CHANGE_COLUMNS,
          known: keysOf(CHANGE_COLUMNS),
          what: (c) => `change-log entry of ${c.articleId}`,
          target: 'Change',
          ref: (c) => ({ seq: c.seq }),
        },
        bulk.changes.map((c, i) => ({ ...c, seq: i + 1, at })),
        deferred,
      )),
    });
    // The counter the change log hands sequence numbers from, as changes/record leaves it.
    files.nodes.push({
      labels: ['ChangeCounter'],
      ...(await writeFile(
        join(dir, 'change-counter.csv'),
        {
          columns: COUNTER_COLUMNS,
          known: keysOf(COUNTER_COLUMNS),
          what: () => 'change counter',
          // Both of its columns are identities or numbers: it never defers a value.
          target: 'Change',
          ref: () => ({}),
        },
        [{ id: 'change-log', seq: bulk.changes.length }],
        deferred,
      )),
    });
  }
  if (rows.mentions.length > 0) {
    files.relationships.push({
      type: 'MENTIONS',
      ...(await writeFile(
        join(dir, 'mentions.csv'),
        {
          columns: MENTION_COLUMNS,
          known: new Set(CLAIM_KEYS),
          what: (m) => `mention of ${m.id} in ${m.article}`,
          checked: (m) => m.claim,
          target: 'MENTIONS',
          // An annotation declares each id once: an article mentions an entity at most once.
          ref: (m) => ({ article: m.article, id: m.id }),
        },
        rows.mentions,
        deferred,
      )),
    });
  }
  const factKeys = new Set(FACT_ROW_KEYS);
  for (const type of FACT_TYPES) {
    if (rows.facts[type].length === 0) continue;
    files.relationships.push({
      type,
      ...(await writeFile(
        join(dir, `facts-${type}.csv`),
        {
          columns: FACT_COLUMNS,
          known: factKeys,
          what: (f) => `${type} fact ${f.key}`,
          target: type,
          ref: (f) => ({ from: f.from, to: f.to, key: f.key, origin: f.origin }),
        },
        rows.facts[type],
        deferred,
      )),
    });
  }
  await writeDeferred(join(dir, DEFERRED_FILE), deferred);
  files.deferredRows = deferred.length;
  return files;
}

/** DEFERRED_FILE, one JSON object a line (JSON keeps every code unit of a string, lone surrogates included). */
async function writeDeferred(path: string, rows: DeferredRow[]): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  for (const row of rows) {
    if (!stream.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((r) => stream.once('drain', r));
  }
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

const MIB = 1 << 20;

/**
 * The importer's read buffer must hold the largest single value (at 1M facts a hub's evidence list is
 * several MB, past its 4 MiB default): twice the longest line, in whole MiB, at least the default.
 */
export function readBufferSize(longestLine: number): number {
  return Math.max(4, Math.ceil((2 * longestLine) / MIB)) * MIB;
}

/**
 * The arguments of `neo4j-admin` (org.neo4j.cli.AdminTool) that import these files into `database`. No file
 * has a line break in a field (those values are deferred), so the importer parses in parallel, not multiline.
 */
export function importArguments(
  files: ImportFiles,
  database: string,
  options: { overwrite: boolean; reportFile: string },
): string[] {
  const all = [...files.nodes, ...files.relationships];
  return [
    'database',
    'import',
    'full',
    // Before the options: after them, the last --relationships (a list of files) would take it for a file.
    database,
    ...importerCsvOptions,
    `--read-buffer-size=${readBufferSize(Math.max(0, ...all.map((f) => f.longestLine)))}`,
    `--report-file=${options.reportFile}`,
    ...(options.overwrite ? ['--overwrite-destination=true'] : []),
    ...files.nodes.map((f) => `--nodes=${f.labels.join(':')}=${f.path}`),
    ...files.relationships.map((f) => `--relationships=${f.type}=${f.path}`),
  ];
}

/** A shell spelling of `neo4j-admin <args>`, to print for an operator running the import on the server. */
export function importCommandLine(args: string[]): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ['neo4j-admin', ...args].map(quote).join(' ');
}
