/**
 * The CSV dialect of `neo4j-admin database import`, as the importer reads it with the options bulk loads pass
 * (importerCsvOptions): comma-separated, every string quoted with `"` and inner quotes doubled (RFC 4180),
 * newlines kept inside quoted fields (the import then parses multiline fields), array elements joined by U+001F.
 * A missing value (null) is an empty unquoted field, which the importer skips; `""` is the empty string.
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

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function finiteNumber(value: unknown, where: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CsvValueError(where, `expected a finite number, got ${JSON.stringify(value)}`);
  }
  return String(value);
}

function plainString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new CsvValueError(where, `expected a string, got ${JSON.stringify(value)}`);
  if (value.includes(ARRAY_DELIMITER)) {
    throw new CsvValueError(where, 'contains U+001F, the array delimiter of the bulk files');
  }
  return value;
}

/**
 * One field of a row. Arrays: an empty one cannot be written (the importer reads `""` as no property; bulk
 * loads set empty lists afterwards, ingest/bulk/finish.ts), and neither can an empty element, which would
 * make `[""]` and `[]` the same field.
 */
export function csvField(value: unknown, type: CsvType, where: string): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string':
      return quoted(plainString(value, where));
    case 'double':
    case 'long':
      if (type === 'long' && !Number.isSafeInteger(value)) {
        throw new CsvValueError(where, `expected an integer, got ${JSON.stringify(value)}`);
      }
      return finiteNumber(value, where);
    case 'datetime':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        throw new CsvValueError(where, `expected a date and time, got ${JSON.stringify(value)}`);
      }
      return value.toISOString();
    case 'string[]':
    case 'double[]': {
      if (!Array.isArray(value)) throw new CsvValueError(where, `expected a list, got ${JSON.stringify(value)}`);
      if (value.length === 0) return '';
      const elements = value.map((v: unknown, i) =>
        type === 'string[]' ? plainString(v, `${where}[${i}]`) : finiteNumber(v, `${where}[${i}]`),
      );
      if (type === 'string[]' && elements.some((e) => e === '')) {
        throw new CsvValueError(where, 'an empty string in a list has no spelling in the importer array syntax');
      }
      return quoted(elements.join(ARRAY_DELIMITER));
    }
  }
}

/** A column of a bulk file: its header (`name:type`, or an id column such as `id:ID(Entity)`) and its type. */
export interface CsvColumn {
  header: string;
  type: CsvType;
  /** The property of the row it reads. */
  key: string;
}

/** One line of fields from a row, in column order; `where` names the row in errors. */
export function csvLine(columns: CsvColumn[], row: Record<string, unknown>, where: string): string {
  return columns.map((c) => csvField(row[c.key], c.type, `${where}, property ${c.key}`)).join(',');
}

/** The header line of a file of these columns. */
export function csvHeader(columns: CsvColumn[]): string {
  return columns.map((c) => c.header).join(',');
}

/**
 * A bulk file being written: a header, then one line per row, streamed (a million rows never sit in one
 * string). Remembers whether a field held a newline, since only then does the import need the importer's
 * slower multiline parsing.
 */
export class CsvFile {
  private readonly stream: WriteStream;
  private pending = '';
  rows = 0;
  multiline = false;
  /** Bytes of the longest line: the importer's read buffer must hold the largest value (a hub's evidence). */
  longestLine = 0;

  constructor(
    readonly path: string,
    private readonly columns: CsvColumn[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.pending = `${csvHeader(columns)}\n`;
  }

  /** Appends a row; throws CsvValueError naming `where` for a value the dialect cannot carry. */
  async add(row: Record<string, unknown>, where: string): Promise<void> {
    const line = csvLine(this.columns, row, where);
    if (!this.multiline && (line.includes('\n') || line.includes('\r'))) this.multiline = true;
    // A UTF-16 unit is at most 3 UTF-8 bytes: count bytes only for lines that may be the longest.
    if (line.length * 3 > this.longestLine) this.longestLine = Math.max(this.longestLine, Buffer.byteLength(line));
    this.pending += `${line}\n`;
    this.rows += 1;
    // Chunks of about 1 MB: small writes cost more than the copying they save.
    if (this.pending.length > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
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
