/**
 * A corpus as the offline importer's files: the same rows the online loader merges (planArticle, then
 * combinePlans over the whole corpus, as if it were one batch of new articles), with the same labels,
 * properties and relationship types the named upserts of cypher/queries/ingest/ write, and the change-log
 * entries the loader records (freshChange). One node file per label set, one relationship file per type.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeRecord } from '../../src/core/change-log';
import { FACT_TYPES } from '../../src/core/vocabulary';
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
import { type CsvColumn, CsvFile, importerCsvOptions } from './csv';

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

const str = (key: string, header = key): CsvColumn => ({ header: `${header}:string`, type: 'string', key });
const strs = (key: string): CsvColumn => ({ header: `${key}:string[]`, type: 'string[]', key });
const idColumn = (space: string): CsvColumn => ({ header: `id:ID(${space})`, type: 'string', key: 'id' });

const ARTICLE_COLUMNS: CsvColumn[] = [
  idColumn('Article'),
  ...['file', 'title', 'url', 'published', 'author', 'source', 'origin', 'contentHash', 'annotationHash', 'text'].map(
    (k) => str(k),
  ),
  strs('factKeys'),
  { header: 'ingestedAt:datetime', type: 'datetime', key: 'ingestedAt' },
];
const ENTITY_COLUMNS: CsvColumn[] = [
  idColumn('Entity'),
  str('name'),
  strs('aliases'),
  str('type'),
  str('description'),
  str('origin'),
];
const EVENT_COLUMNS: CsvColumn[] = [
  idColumn('Entity'),
  str('name'),
  strs('aliases'),
  str('eventType'),
  str('date'),
  str('datePrecision'),
  str('summary'),
  str('origin'),
];
const CHANGE_COLUMNS: CsvColumn[] = [
  { header: 'seq:long', type: 'long', key: 'seq' },
  { header: 'at:datetime', type: 'datetime', key: 'at' },
  ...['kind', 'articleId', 'title', 'origin', 'published'].map((k) => str(k)),
  strs('entityIds'),
];
const COUNTER_COLUMNS: CsvColumn[] = [str('id'), { header: 'seq:long', type: 'long', key: 'seq' }];
const CLAIM_KEYS = ['quote', 'confidence', 'name', 'eventType', 'date', 'type', 'description', 'summary'];
const MENTION_COLUMNS: CsvColumn[] = [
  { header: ':START_ID(Article)', type: 'string', key: 'article' },
  { header: ':END_ID(Entity)', type: 'string', key: 'id' },
  ...CLAIM_KEYS.map((k) =>
    k === 'confidence' ? { header: 'confidence:double', type: 'double' as const, key: k } : str(k),
  ),
];
const FACT_COLUMNS: CsvColumn[] = [
  { header: ':START_ID(Entity)', type: 'string', key: 'from' },
  { header: ':END_ID(Entity)', type: 'string', key: 'to' },
  ...['key', 'origin', 'title', 'start', 'end'].map((k) => str(k)),
  strs('evidenceArticles'),
  strs('evidenceQuotes'),
  { header: 'evidenceConfidence:double[]', type: 'double[]', key: 'evidenceConfidence' },
  strs('sources'),
  { header: 'confidence:double', type: 'double', key: 'confidence' },
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
function onlyKnown(row: object, known: string[], what: string): void {
  const unknown = Object.keys(row).find((k) => !known.includes(k));
  if (unknown !== undefined) {
    throw new Error(
      `${what} has a property "${unknown}" that ingest/bulk/import-files.ts does not write; add its column`,
    );
  }
}

/** The properties upsert-facts sets on a new relationship, from one combined fact row. */
function factProperties(row: CombinedFactRow): Record<string, unknown> {
  onlyKnown(row, FACT_ROW_KEYS, `fact ${row.key}`);
  return {
    from: row.from,
    to: row.to,
    key: row.key,
    origin: row.origin,
    title: row.title,
    start: row.start,
    end: row.end,
    evidenceArticles: row.articles,
    evidenceQuotes: row.quotes,
    evidenceConfidence: row.confidences,
    sources: row.sources,
    // upsert-facts keeps the running maximum from 0.0.
    confidence: row.confidences.reduce((m, c) => (c > m ? c : m), 0),
  };
}

/** One file of the import, with what the importer needs to know of it. */
export interface ImportFile {
  path: string;
  rows: number;
  multiline: boolean;
  longestLine: number;
}

/** The files of one bulk load, by label set and by relationship type. */
export interface ImportFiles {
  dir: string;
  nodes: (ImportFile & { labels: string[] })[];
  relationships: (ImportFile & { type: string })[];
}

/** Node and relationship counts of the files. */
export function importCounts(files: ImportFiles): { nodes: number; relationships: number } {
  const sum = (list: ImportFile[]): number => list.reduce((n, f) => n + f.rows, 0);
  return { nodes: sum(files.nodes), relationships: sum(files.relationships) };
}

async function writeFile(
  path: string,
  columns: CsvColumn[],
  rows: Iterable<[Record<string, unknown>, string]>,
): Promise<ImportFile> {
  const file = new CsvFile(path, columns);
  try {
    for (const [row, where] of rows) await file.add(row, where);
  } finally {
    await file.close();
  }
  return { path, rows: file.rows, multiline: file.multiline, longestLine: file.longestLine };
}

function* tagged<T>(rows: T[], where: (row: T) => string, map: (row: T) => Record<string, unknown>) {
  for (const row of rows) yield [map(row), where(row)] as [Record<string, unknown>, string];
}

/**
 * Writes the importer's files for these rows into dir (created if needed); `at` stands for the
 * transaction time the online loader stores as ingestedAt and as the change entries' at.
 */
export async function writeImportFiles(dir: string, bulk: BulkRows, at: Date): Promise<ImportFiles> {
  await mkdir(dir, { recursive: true });
  const { rows } = bulk;
  const files: ImportFiles = { dir, nodes: [], relationships: [] };
  const articleColumns = ARTICLE_COLUMNS.map((c) => c.key).filter((k) => k !== 'ingestedAt');
  files.nodes.push({
    labels: ['Article'],
    ...(await writeFile(
      join(dir, 'articles.csv'),
      ARTICLE_COLUMNS,
      tagged(
        rows.articles,
        (a) => `article ${a.file}`,
        (a) => {
          onlyKnown(a, articleColumns, `article ${a.file}`);
          return { ...a, ingestedAt: at };
        },
      ),
    )),
  });
  for (const [label, entityRows] of Object.entries(rows.entities)) {
    files.nodes.push({
      labels: ['Entity', label],
      ...(await writeFile(
        join(dir, `entities-${label}.csv`),
        ENTITY_COLUMNS,
        tagged(
          entityRows,
          (e) => `${label} ${e.id}`,
          (e) => {
            onlyKnown(
              e,
              ENTITY_COLUMNS.map((c) => c.key),
              `${label} ${e.id}`,
            );
            return { ...e };
          },
        ),
      )),
    });
  }
  if (rows.events.length > 0) {
    files.nodes.push({
      labels: ['Entity', 'Event'],
      ...(await writeFile(
        join(dir, 'events.csv'),
        EVENT_COLUMNS,
        tagged(
          rows.events,
          (e) => `event ${e.id}`,
          (e) => {
            onlyKnown(
              e,
              EVENT_COLUMNS.map((c) => c.key),
              `event ${e.id}`,
            );
            return { ...e };
          },
        ),
      )),
    });
  }
  if (bulk.changes.length > 0) {
    files.nodes.push({
      labels: ['Change'],
      ...(await writeFile(
        join(dir, 'changes.csv'),
        CHANGE_COLUMNS,
        tagged(
          bulk.changes.map((c, i) => ({ ...c, seq: i + 1, at })),
          (c) => `change-log entry of ${c.articleId}`,
          (c) => c,
        ),
      )),
    });
    // The counter the change log hands sequence numbers from, as changes/record leaves it.
    files.nodes.push({
      labels: ['ChangeCounter'],
      ...(await writeFile(
        join(dir, 'change-counter.csv'),
        COUNTER_COLUMNS,
        tagged(
          [{ id: 'change-log', seq: bulk.changes.length }],
          () => 'change counter',
          (c) => c,
        ),
      )),
    });
  }
  if (rows.mentions.length > 0) {
    files.relationships.push({
      type: 'MENTIONS',
      ...(await writeFile(
        join(dir, 'mentions.csv'),
        MENTION_COLUMNS,
        tagged(
          rows.mentions,
          (m) => `mention of ${m.id} in ${m.article}`,
          (m) => {
            onlyKnown(m.claim, CLAIM_KEYS, `mention of ${m.id} in ${m.article}`);
            return { article: m.article, id: m.id, ...m.claim };
          },
        ),
      )),
    });
  }
  for (const type of FACT_TYPES) {
    if (rows.facts[type].length === 0) continue;
    files.relationships.push({
      type,
      ...(await writeFile(
        join(dir, `facts-${type}.csv`),
        FACT_COLUMNS,
        tagged(rows.facts[type], (f) => `${type} fact ${f.key}`, factProperties),
      )),
    });
  }
  return files;
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
 * The arguments of `neo4j-admin` (org.neo4j.cli.AdminTool) that import these files into `database`.
 * Multiline parsing (which the importer warns is slow) only when a file has a newline in a field.
 */
export function importArguments(
  files: ImportFiles,
  database: string,
  options: { overwrite: boolean; reportFile: string },
): string[] {
  const all = [...files.nodes, ...files.relationships];
  const multiline = all.some((f) => f.multiline);
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
    // The v2 format, which takes the list of multiline files, failed on the 1M corpus's articles file ("found CR
    // outside a text cell" at a 4 MiB buffer boundary, with no CR in the data): v1 treats every file as multiline.
    ...(multiline ? ['--multiline-fields=true'] : []),
  ];
}

/** A shell spelling of `neo4j-admin <args>`, to print for an operator running the import on the server. */
export function importCommandLine(args: string[]): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ['neo4j-admin', ...args].map(quote).join(' ');
}
