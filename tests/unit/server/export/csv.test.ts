import { csvField, csvRow, edgesCsvWriter, nodesCsvWriter } from '../../../../src/server/export/csv';
import { EDGES, HARD_NAME, HARD_QUOTE, NODES, writeAll } from './sample-graph';

/** An RFC 4180 reader, written apart from the writer, so a round trip checks the quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else field += text[i++];
      }
    }
    if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
      i += 2;
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (i < text.length) {
      if (text[i] === '"' || text[i] === '\n' || text[i] === '\r')
        throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i++];
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

/** Rows as objects keyed by the header row. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => {
    expect(r).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

describe('CSV fields (RFC 4180)', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
    expect(csvField('São “x” & <y>')).toBe('São “x” & <y>');
  });

  it('writes an absent value as an empty field and numbers as they are', () => {
    expect(csvRow([null, 2, 0.5, ''])).toBe(',2,0.5,\r\n');
  });

  it('never alters a value, even one a spreadsheet would read as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe('=SUM(A1)');
  });
});

describe('nodes.csv', () => {
  const text = writeAll(nodesCsvWriter());

  it('has a header row and one row per node, every line ending in CRLF', () => {
    expect(text.split('\r\n')[0]).toBe('id,kind,name,aliases,origin,date');
    expect(parseCsv(text)).toHaveLength(1 + NODES.length);
  });

  it('carries kind, name, aliases (a JSON array), origin and date through the quoting unchanged', () => {
    expect(records(text)).toEqual([
      {
        id: 'eric-garcetti',
        kind: 'PERSON',
        name: 'Eric Garcetti',
        aliases: JSON.stringify(['Garcetti', 'LA Mayor "Eric"']),
        origin: 'CURATED',
        date: '',
      },
      { id: 'a&b', kind: 'ORGANIZATION', name: HARD_NAME, aliases: '[]', origin: 'EXTRACTED', date: '' },
      {
        id: 'threat-2018',
        kind: 'EVENT',
        name: 'Sessions threatens to subpoena sanctuary cities',
        aliases: '[]',
        origin: 'CURATED',
        date: '2018-01-24',
      },
    ]);
  });
});

describe('edges.csv', () => {
  const text = writeAll(edgesCsvWriter());
  const rows = records(text);

  it('has one row per edge, whatever its number of evidences', () => {
    expect(rows.map((r) => r.id)).toEqual(EDGES.map((e) => e.id));
  });

  it('shows the first evidence in its own columns and every evidence as a JSON array', () => {
    expect(rows[0]).toEqual({
      id: 'eric-garcetti|OPPOSED|threat-2018',
      source: 'eric-garcetti',
      target: 'threat-2018',
      type: 'OPPOSED',
      origin: 'CURATED',
      source_count: '2',
      evidence_count: '2',
      quote: HARD_QUOTE,
      article_id: '004_7eba',
      article_title: 'Sessions warns <sanctuary> cities & "mayors"',
      article_url: 'https://example.org/a?x=1&y=2',
      article_date: '2018-01',
      evidence: JSON.stringify(EDGES[0]!.evidence),
    });
    expect(JSON.parse(rows[0]!.evidence!)).toEqual(EDGES[0]!.evidence);
  });

  it('leaves the evidence columns empty for an edge without evidence, with an empty list', () => {
    expect(rows[1]).toMatchObject({ evidence_count: '0', quote: '', article_id: '', evidence: '[]' });
  });
});
