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

  it('keeps commas inside the quotes, and refuses a line break (a field is one line; CsvFile defers such values)', () => {
    expect(csvField('a,b, c', 'string', 'w')).toBe('"a,b, c"');
    expect(() => csvField('a\nb', 'string', 'Person x, property id')).toThrow(
      /^Person x, property id: a line break in an id or endpoint/,
    );
    expect(() => csvField(['a', 'b\rc'], 'string[]', 'p')).toThrow(/^p: a line break/);
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
    file.add({ id: 'a', name: 'Ann "the mayor", of X', aliases: ['A', 'Ann, X'], confidence: 0.9 }, 'row a');
    file.add({ id: 'b', name: 'Bo', aliases: [], confidence: null }, 'row b');
    await file.close();
    expect(file.rows).toBe(2);
    expect(file.deferred).toEqual([]);
    const rows = parseCsv(await readFile(file.path, 'utf8'));
    expect(rows).toEqual([
      ['id:ID(Entity)', 'name:string', 'aliases:string[]', 'confidence:double'],
      ['a', 'Ann "the mayor", of X', `A${ARRAY_DELIMITER}Ann, X`, '0.9'],
      ['b', 'Bo', '', ''],
    ]);
  });

  it('leaves values with line breaks out of the line and keeps them, intact, to be set after the import', async () => {
    const file = new CsvFile(join(dir, 'texts.csv'), columns);
    const text = 'line one\nline "two", with a comma\r\nand CR\ralone';
    const aliases = ['plain', 'two\nlines'];
    file.add({ id: 't', name: text, aliases, confidence: 0.5 }, 'row t');
    file.add({ id: 'u', name: 'one line', aliases: ['x'], confidence: 1 }, 'row u');
    await file.close();
    const written = await readFile(file.path, 'utf8');
    expect(written).not.toMatch(/\r/);
    expect(written.split('\n')).toHaveLength(4);
    // The row is still there, with its identity and its other values; the deferred ones are no property.
    expect(parseCsv(written).slice(1)).toEqual([
      ['t', '', '', '0.5'],
      ['u', 'one line', 'x', '1'],
    ]);
    expect(file.deferred).toEqual([{ row: expect.objectContaining({ id: 't' }), properties: { name: text, aliases } }]);
    expect(file.deferred[0]!.properties.name).toBe(text);
  });

  it('refuses a line break in an identity column rather than leaving the id out', () => {
    const file = new CsvFile(join(dir, 'ids.csv'), [{ ...columns[0]!, identity: true }]);
    expect(() => file.add({ id: 'a\nb' }, 'row ab')).toThrow(/^row ab, property id: a line break in an id/);
    return file.close();
  });

  it('names the row and property of a value it refuses', async () => {
    const file = new CsvFile(join(dir, 'bad.csv'), columns);
    expect(() => file.add({ id: 'c', name: 'C', aliases: [''], confidence: 1 }, 'Person c')).toThrow(
      /^Person c, property aliases: an empty string/,
    );
    // Also when the list is deferred for a line break in another element.
    expect(() => file.add({ id: 'd', name: 'D', aliases: ['', 'a\nb'], confidence: 1 }, () => 'Person d')).toThrow(
      /^Person d, property aliases: an empty string/,
    );
    await file.close();
  });
});
