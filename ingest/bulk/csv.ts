/**
 * The CSV dialect of `neo4j-admin database import`, as the importer reads it with the options bulk loads pass
 * (importerCsvOptions): comma-separated, every string quoted with `"` and inner quotes doubled (RFC 4180),
 * array elements joined by U+001F. A missing value (null) is an empty unquoted field, which the importer skips;
 * `""` is the empty string. No field holds a newline: a property value with a line feed or carriage return is
 * left out of the line and handed back to the caller (CsvFile.deferred), which sets it after the import; so the
 * importer never needs its slow multiline parsing (`--multiline-fields`, which also turns off parallel parsing).
 */
import { createWriteStream, type WriteStream } from 'node:fs';

/** The property types the bulk files use, spelled as the importer's header does. */
export type CsvType = 'string' | 'double' | 'long' | 'datetime' | 'string[]' | 'double[]';

/**
 * Between array elements. The importer has no escape for its array delimiter, so it must be a character no
 * value holds: U+001F (unit separator) is a control character no article text or annotation uses.
 */
export const ARRAY_DELIMITER = '\u001f';

/** The importer's options for this dialect: its default delimiter and quote, this array delimiter (U+ spelling). */
export const importerCsvOptions = ['--array-delimiter=U+001F'];

/** A value this dialect cannot carry; says which property of which row. */
export class CsvValueError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'CsvValueError';
  }
}

// One scan finds everything that needs more than `"…"` around the text: a quote to double, a line break to
// defer, the array delimiter to refuse. Most values have none of them.
// eslint-disable-next-line no-control-regex -- U+001F is the array delimiter, refused in values
const SPECIAL = /["\n\r\u001f]/;
const LINE_BREAK = /[\n\r]/;

/** A value with a line feed or carriage return: it has no place on a line of these files. */
export function hasLineBreak(value: unknown): boolean {
  if (typeof value === 'string') return LINE_BREAK.test(value);
  return Array.isArray(value) && value.some((v) => typeof v === 'string' && LINE_BREAK.test(v));
}

function quoted(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** Where a value sits, for errors: built only when one is thrown, not for each of a million rows. */
type Where = () => string;
const element =
  (where: Where, i: number): Where =>
  () =>
    `${where()}[${i}]`;

function finiteNumber(value: unknown, where: Where): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CsvValueError(where(), `expected a finite number, got ${JSON.stringify(value)}`);
  }
  return String(value);
}

function stringField(value: unknown, where: Where): string {
  if (typeof value !== 'string') throw new CsvValueError(where(), `expected a string, got ${JSON.stringify(value)}`);
  if (!SPECIAL.test(value)) return `"${value}"`;
  if (value.includes(ARRAY_DELIMITER)) {
    throw new CsvValueError(where(), 'contains U+001F, the array delimiter of the bulk files');
  }
  if (LINE_BREAK.test(value)) {
    throw new CsvValueError(where(), 'a line break in an id or endpoint, which cannot be set after the import');
  }
  return quoted(value);
}

function listField(value: unknown, type: 'string[]' | 'double[]', where: Where): string {
  if (!Array.isArray(value)) throw new CsvValueError(where(), `expected a list, got ${JSON.stringify(value)}`);
  if (value.length === 0) return '';
  let text = '';
  for (let i = 0; i < value.length; i += 1) {
    const v: unknown = value[i];
    if (i > 0) text += ARRAY_DELIMITER;
    if (type === 'double[]') {
      text += typeof v === 'number' && Number.isFinite(v) ? String(v) : finiteNumber(v, element(where, i));
      continue;
    }
    if (typeof v !== 'string') {
      throw new CsvValueError(element(where, i)(), `expected a string, got ${JSON.stringify(v)}`);
    }
    if (v === '') {
      throw new CsvValueError(where(), 'an empty string in a list has no spelling in the importer array syntax');
    }
    if (v.includes(ARRAY_DELIMITER)) {
      throw new CsvValueError(element(where, i)(), 'contains U+001F, the array delimiter of the bulk files');
    }
    text += v;
  }
  return quoted(text);
}

/**
 * One field of a row. A string or list holding a line break is refused here: CsvFile leaves such a property
 * value out of the line instead (the importer then stores no property) and keeps it to be set afterwards.
 * Arrays: an empty one cannot be written (the importer reads `""` as no property; bulk loads set empty lists
 * afterwards, ingest/bulk/finish.ts), and neither can an empty element, which would make `[""]` and `[]` the
 * same field.
 */
export function csvField(value: unknown, type: CsvType, where: string): string {
  return field(value, type, () => where);
}

function field(value: unknown, type: CsvType, where: Where): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string':
      return stringField(value, where);
    case 'double':
    case 'long':
      if (type === 'long' && !Number.isSafeInteger(value)) {
        throw new CsvValueError(where(), `expected an integer, got ${JSON.stringify(value)}`);
      }
      return finiteNumber(value, where);
    case 'datetime':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        throw new CsvValueError(where(), `expected a date and time, got ${JSON.stringify(value)}`);
      }
      return value.toISOString();
    case 'string[]':
    case 'double[]':
      if (hasLineBreak(value)) {
        throw new CsvValueError(where(), 'a line break in an id or endpoint, which cannot be set after the import');
      }
      return listField(value, type, where);
  }
}

/** A column of a bulk file: its header (`name:type`, or an id column such as `id:ID(Entity)`) and its type. */
export interface CsvColumn<R = Record<string, unknown>> {
  header: string;
  type: CsvType;
  /** The property it writes: the name under which a deferred value is set, and the row's key by default. */
  key: string;
  /** Reads the value from a row (default `row[key]`), so that rows need not be copied into another shape. */
  get?: (row: R) => unknown;
  /** An id or endpoint: the line cannot do without it, so a line break in it is refused rather than deferred. */
  identity?: boolean;
}

/** The header line of a file of these columns. */
export function csvHeader(columns: CsvColumn<never>[]): string {
  return columns.map((c) => c.header).join(',');
}

/** Property values left out of one row's line (they hold line breaks), by property name, to set after the import. */
export type DeferredProperties = Record<string, string | string[]>;

/**
 * A list of plain strings (none empty, none with a quote, a line break or U+001F) as its field, in one scan of
 * each element; null for any other list, which the full checks then take.
 */
function plainList(value: unknown[]): string | null {
  if (value.length === 0) return '';
  let text = '"';
  for (let i = 0; i < value.length; i += 1) {
    const v = value[i];
    if (typeof v !== 'string' || v === '' || SPECIAL.test(v)) return null;
    text += i === 0 ? v : ARRAY_DELIMITER + v;
  }
  return `${text}"`;
}

/**
 * One line of fields from a row, in column order, and the values it left out; `where` names the row in errors
 * (called only to throw one).
 */
export function csvLine<R>(
  columns: CsvColumn<R>[],
  row: R,
  where: string | (() => string),
): { line: string; deferred: DeferredProperties | null } {
  const named = typeof where === 'string' ? () => where : where;
  let line = '';
  let deferred: DeferredProperties | null = null;
  for (let i = 0; i < columns.length; i += 1) {
    const c = columns[i]!;
    const value = c.get ? c.get(row) : (row as Record<string, unknown>)[c.key];
    if (i > 0) line += ',';
    if (value === null || value === undefined) continue;
    // The common cases first, without a call: a plain string, a finite number.
    if (c.type === 'string' && typeof value === 'string' && !SPECIAL.test(value)) {
      line += `"${value}"`;
      continue;
    }
    if (c.type === 'double' && typeof value === 'number' && Number.isFinite(value)) {
      line += String(value);
      continue;
    }
    if (c.type === 'string[]' && Array.isArray(value)) {
      const text = plainList(value);
      if (text !== null) {
        line += text;
        continue;
      }
    }
    const at = (): string => `${named()}, property ${c.key}`;
    if (!c.identity && (c.type === 'string' || c.type === 'string[]') && hasLineBreak(value)) {
      // Checked like any other value of its type (a list still may not hold "" or U+001F), then kept aside.
      if (c.type === 'string[]') listField(value, 'string[]', at);
      else if ((value as string).includes(ARRAY_DELIMITER)) stringField(value, at);
      (deferred ??= {})[c.key] = value as string | string[];
      continue;
    }
    line += field(value, c.type, at);
  }
  return { line, deferred };
}

/**
 * Chunks of 256 KiB go to the file. Measured at 1M (docs/bulk-load.md): 4 MiB chunks wrote in 33–40 s, 1 MiB
 * in 20–28 s, 256 KiB and 64 KiB in 15–17 s. Likely because a chunk string that lives long enough to survive a
 * scavenge is promoted, and with the whole corpus in the old generation a major collection is costly.
 */
const CHUNK = 1 << 18;

/**
 * A bulk file being written: a header, then one line per row, in large buffered writes. Keeps the property
 * values it left out of the lines (deferred), for the caller to set after the import by the row's identity.
 */
export class CsvFile<R = Record<string, unknown>> {
  private readonly stream: WriteStream;
  private pending = '';
  rows = 0;
  /** Bytes of the longest line: the importer's read buffer must hold the largest value (a hub's evidence). */
  longestLine = 0;
  /** The rows whose lines left values out, with those values. */
  readonly deferred: { row: R; properties: DeferredProperties }[] = [];

  constructor(
    readonly path: string,
    private readonly columns: CsvColumn<R>[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.pending = `${csvHeader(columns as CsvColumn<never>[])}\n`;
  }

  /**
   * Appends a row; throws CsvValueError naming `where` for a value the dialect cannot carry. Returns true when
   * the buffer is full: then await flush() before the next row.
   */
  add(row: R, where: string | (() => string)): boolean {
    const { line, deferred } = csvLine(this.columns, row, where);
    if (deferred) this.deferred.push({ row, properties: deferred });
    // A UTF-16 unit is at most 3 UTF-8 bytes: count bytes only for lines that may be the longest.
    if (line.length * 3 > this.longestLine) this.longestLine = Math.max(this.longestLine, Buffer.byteLength(line));
    this.pending += `${line}\n`;
    this.rows += 1;
    return this.pending.length > CHUNK;
  }

  /** Hands the buffered lines to the file, waiting if the stream asks to. */
  async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}
