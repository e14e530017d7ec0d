import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARRAY_DELIMITER, type CsvColumn, CsvFile, csvField, CsvValueError } from '../../../../ingest/bulk/csv';

/**
 * A minimal reader of the dialect, written from RFC 4180 as the importer reads it (doubled quotes, newlines
 * inside quotes), so that the tests check what the writer's output means, not only how it looks.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('csvField: one value in the importer CSV dialect', () => {
  it('quotes every string and doubles the quotes inside it', () => {
    expect(csvField('plain', 'string', 'w')).toBe('"plain"');
    expect(csvField('She said "no", twice', 'string', 'w')).toBe('"She said ""no"", twice"');
  });

  it('keeps commas and newlines inside the quotes', () => {
    expect(csvField('a,b\nc\r\nd', 'string', 'w')).toBe('"a,b\nc\r\nd"');
  });

  it('writes a missing value as an empty unquoted field and the empty string as ""', () => {
    expect(csvField(null, 'string', 'w')).toBe('');
    expect(csvField(undefined, 'double', 'w')).toBe('');
    expect(csvField('', 'string', 'w')).toBe('""');
  });

  it('leaves a backslash as it is (the importer does not read \\" as a quote unless told to)', () => {
    expect(csvField('C:\\path\\"x"', 'string', 'w')).toBe('"C:\\path\\""x"""');
  });

  it('joins array elements with U+001F inside one quoted field, quotes and commas escaped as in strings', () => {
    expect(csvField(['one; two', 'say "hi", then go'], 'string[]', 'w')).toBe(
      `"one; two${ARRAY_DELIMITER}say ""hi"", then go"`,
    );
    expect(csvField([0.5, 1, 0.25], 'double[]', 'w')).toBe(`"0.5${ARRAY_DELIMITER}1${ARRAY_DELIMITER}0.25"`);
  });

  it('writes an empty list as no value (the bulk load sets [] afterwards)', () => {
    expect(csvField([], 'string[]', 'w')).toBe('');
  });

  it('writes numbers and integers plainly, dates and times in ISO 8601 with Z', () => {
    expect(csvField(0.75, 'double', 'w')).toBe('0.75');
    expect(csvField(42, 'long', 'w')).toBe('42');
    expect(csvField(new Date('2026-12-03T09:00:00.123Z'), 'datetime', 'w')).toBe('2026-12-03T09:00:00.123Z');
  });

  it('refuses what the dialect cannot carry, naming where', () => {
    expect(() => csvField(`a${ARRAY_DELIMITER}b`, 'string', 'Person x, property name')).toThrow(
      new CsvValueError('Person x, property name', 'contains U+001F, the array delimiter of the bulk files'),
    );
    expect(() => csvField(['a', ''], 'string[]', 'Person x, property aliases')).toThrow(
      /Person x, property aliases: an empty string in a list/,
    );
    expect(() => csvField(['a', `b${ARRAY_DELIMITER}`], 'string[]', 'p')).toThrow(/p\[1\]: contains U\+001F/);
    expect(() => csvField(Number.NaN, 'double', 'p')).toThrow(/p: expected a finite number/);
    expect(() => csvField(1.5, 'long', 'p')).toThrow(/p: expected an integer/);
    expect(() => csvField(3, 'string', 'p')).toThrow(/p: expected a string, got 3/);
    expect(() => csvField('x', 'string[]', 'p')).toThrow(/p: expected a list/);
  });
});

describe('CsvFile: a bulk file streamed row by row', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulk-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const columns: CsvColumn[] = [
    { header: 'id:ID(Entity)', type: 'string', key: 'id' },
    { header: 'name:string', type: 'string', key: 'name' },
    { header: 'aliases:string[]', type: 'string[]', key: 'aliases' },
    { header: 'confidence:double', type: 'double', key: 'confidence' },
  ];

  it('writes the header, then rows that read back to the same values, and counts them', async () => {
    const file = new CsvFile(join(dir, 'people.csv'), columns);
    await file.add({ id: 'a', name: 'Ann "the mayor", of X', aliases: ['A', 'Ann, X'], confidence: 0.9 }, 'row a');
    await file.add({ id: 'b', name: 'Bo', aliases: [], confidence: null }, 'row b');
    await file.close();
    expect(file.rows).toBe(2);
    expect(file.multiline).toBe(false);
    const rows = parseCsv(await readFile(file.path, 'utf8'));
    expect(rows).toEqual([
      ['id:ID(Entity)', 'name:string', 'aliases:string[]', 'confidence:double'],
      ['a', 'Ann "the mayor", of X', `A${ARRAY_DELIMITER}Ann, X`, '0.9'],
      ['b', 'Bo', '', ''],
    ]);
  });

  it('marks a file multiline when a field holds a newline, and the row still reads back whole', async () => {
    const file = new CsvFile(join(dir, 'texts.csv'), columns.slice(0, 2));
    await file.add({ id: 't', name: 'line one\nline "two"' }, 'row t');
    await file.close();
    expect(file.multiline).toBe(true);
    expect(parseCsv(await readFile(file.path, 'utf8'))[1]).toEqual(['t', 'line one\nline "two"']);
  });

  it('names the row and property of a value it refuses', async () => {
    const file = new CsvFile(join(dir, 'bad.csv'), columns);
    await expect(file.add({ id: 'c', name: 'C', aliases: [''], confidence: 1 }, 'Person c')).rejects.toThrow(
      /^Person c, property aliases: an empty string/,
    );
    await file.close();
  });
});
