import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnnotationSchema } from '../../../../ingest/annotation/format';
import {
  BulkCorpusError,
  bulkRows,
  importArguments,
  importCommandLine,
  readBufferSize,
  writeImportFiles,
} from '../../../../ingest/bulk/import-files';
import { deferredBatches } from '../../../../ingest/bulk/finish';
import type { PreparedArticle } from '../../../../ingest/prepare-input';

function article(file: string, text: string, body: Record<string, unknown>): PreparedArticle {
  const id = file.replace('.txt', '');
  const annotation = AnnotationSchema.parse({ article: { file, id, title: `Title "${id}"` }, ...body });
  return { annotation, doc: { file, path: `/x/${file}`, format: 'text', text, meta: {}, contentHash: file } };
}

const doj = { id: 'doj', kind: 'agency', name: 'Department of Justice', aliases: ['DOJ'] };
const mayor = { id: 'mayor', kind: 'person', name: 'A Mayor' };
const a = article('a.txt', 'DOJ threatened.\nThe mayor objected, "loudly".', {
  entities: [doj, mayor],
  events: [{ id: 'threat', type: 'threat', name: 'Threat', by: ['doj'], quotes: ['DOJ threatened.'] }],
  stances: [{ actor: 'mayor', kind: 'OPPOSED', target: 'threat', quote: 'The mayor objected, "loudly".' }],
});
const b = article('b.txt', 'The mayor said no; again.', {
  entities: [mayor],
  stances: [{ actor: 'mayor', kind: 'OPPOSED', target: 'threat', quote: 'The mayor said no; again.' }],
});

describe('bulkRows: the corpus as one combined write', () => {
  it('merges a fact two articles state into one row with both quotes, and logs one change per article', () => {
    const { rows, changes } = bulkRows([a, b]);
    expect(rows.facts.OPPOSED).toHaveLength(1);
    expect(rows.facts.OPPOSED[0]).toMatchObject({
      quotes: ['The mayor objected, "loudly".', 'The mayor said no; again.'],
      articles: ['a', 'b'],
      sources: ['a', 'b'],
    });
    expect(changes.map((c) => [c.articleId, c.kind, c.entityIds])).toEqual([
      ['a', 'INGESTED', ['doj', 'mayor', 'threat']],
      ['b', 'INGESTED', ['mayor']],
    ]);
  });

  it('refuses two articles with one id, naming both files', () => {
    const again = { ...b, doc: { ...b.doc, file: 'b-copy.txt' } };
    expect(() => bulkRows([b, again])).toThrow(
      new BulkCorpusError('b-copy.txt: article id "b" is also the id of b.txt; a bulk load takes each article once'),
    );
  });

  it('refuses an id two articles declare with different kinds', () => {
    const clash = article('c.txt', 'Mayor.', { entities: [{ id: 'mayor', kind: 'agency', name: 'Mayor' }] });
    expect(() => bulkRows([a, clash])).toThrow(/"mayor" is declared both as Person and as Agency: the online loader/);
  });
});

describe('readBufferSize: room for the largest value', () => {
  it('keeps the importer default of 4 MiB for short lines and gives twice a long line, in whole MiB', () => {
    expect(readBufferSize(0)).toBe(4 * 1024 * 1024);
    expect(readBufferSize(2 * 1024 * 1024)).toBe(4 * 1024 * 1024);
    expect(readBufferSize(5 * 1024 * 1024 + 1)).toBe(11 * 1024 * 1024);
  });
});

describe('writeImportFiles and importArguments', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulk-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one node file per label set and one relationship file per type, typed headers first', async () => {
    const files = await writeImportFiles(dir, bulkRows([a, b]), new Date('2026-12-03T09:00:00Z'));
    expect(files.nodes.map((f) => [f.labels.join(':'), f.rows])).toEqual([
      ['Article', 2],
      ['Entity:Agency', 1],
      ['Entity:Person', 1],
      ['Entity:Event', 1],
      ['Change', 2],
      ['ChangeCounter', 1],
    ]);
    expect(files.relationships.map((f) => [f.type, f.rows])).toEqual([
      ['MENTIONS', 4],
      ['INITIATED', 1],
      ['OPPOSED', 1],
    ]);
    const opposed = await readFile(join(dir, 'facts-OPPOSED.csv'), 'utf8');
    expect(opposed.split('\n')[0]).toBe(
      ':START_ID(Entity),:END_ID(Entity),key:string,origin:string,title:string,start:string,end:string,' +
        'evidenceArticles:string[],evidenceQuotes:string[],evidenceConfidence:double[],sources:string[],confidence:double',
    );
    expect(opposed).toContain('"The mayor objected, ""loudly"".\u001fThe mayor said no; again."');
    // No file has a line break inside a field: the article texts (which have them) wait in the deferred file.
    for (const f of [...files.nodes, ...files.relationships]) {
      const lines = (await readFile(f.path, 'utf8')).split('\n');
      expect([f.path, lines.length]).toEqual([f.path, f.rows + 2]);
    }
    expect(files.deferredRows).toBe(1);
    const args = importArguments(files, 'neo4j', { overwrite: false, reportFile: join(dir, 'r') });
    expect(args.slice(0, 4)).toEqual(['database', 'import', 'full', 'neo4j']);
    expect(args).toContain('--array-delimiter=U+001F');
    expect(args).toContain(`--nodes=Entity:Person=${join(dir, 'entities-Person.csv')}`);
    expect(args).toContain(`--relationships=OPPOSED=${join(dir, 'facts-OPPOSED.csv')}`);
    expect(args.some((arg) => arg.startsWith('--multiline-fields'))).toBe(false);
    expect(args).not.toContain('--overwrite-destination=true');
    expect(args).toContain(`--read-buffer-size=${4 * 1024 * 1024}`);
    expect(args.filter((arg) => arg === 'neo4j')).toHaveLength(1);
    expect(importCommandLine(['database', "it's here"])).toBe("neo4j-admin database 'it'\\''s here'");
  });
});

describe('values with line breaks: kept out of the CSV files, set after the import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulk-deferred-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const text = 'First line, with "quotes".\r\nSecond, after CRLF.\rThird, after a lone CR.\nThe mayor said\nno.';
  const quote = 'The mayor said\nno.';
  const c = article('c.txt', text, {
    entities: [{ ...mayor, mention: quote }],
    stances: [{ actor: 'mayor', kind: 'OPPOSED', target: 'threat', quote }],
  });

  it('arrive intact, in batches that name the node or relationship they belong to', async () => {
    const files = await writeImportFiles(dir, bulkRows([a, c]), new Date('2026-12-03T09:00:00Z'));
    const articles = await readFile(join(dir, 'articles.csv'), 'utf8');
    expect(articles.split('\n')).toHaveLength(4);
    expect(articles).not.toContain('Second, after CRLF');
    const batches = [];
    for await (const batch of deferredBatches(dir)) batches.push(batch);
    expect(batches.map((b) => [b.target, b.rows.length])).toEqual([
      ['Article', 2],
      ['MENTIONS', 1],
      ['OPPOSED', 1],
    ]);
    const [texts, mentions, facts] = batches;
    expect(texts!.rows.map((r) => [r.ref, Object.keys(r.properties)])).toEqual([
      [{ id: 'a' }, ['text']],
      [{ id: 'c' }, ['text']],
    ]);
    expect(texts!.rows[1]!.properties.text).toBe(text);
    expect(mentions!.rows[0]).toEqual({
      target: 'MENTIONS',
      ref: { article: 'c', id: 'mayor' },
      properties: { quote },
    });
    // A list with one multiline element is set whole; the fact is found again by what upsert-facts merges on.
    expect(facts!.rows[0]!.ref).toEqual({ from: 'mayor', to: 'threat', key: expect.any(String), origin: 'curated' });
    expect(facts!.rows[0]!.properties).toEqual({ evidenceQuotes: ['The mayor objected, "loudly".', quote] });
    expect(files.deferredRows).toBe(4);
    const opposed = await readFile(join(dir, 'facts-OPPOSED.csv'), 'utf8');
    expect(opposed.split('\n')).toHaveLength(3);
  });

  it('come in batches of at most 250 rows per statement', async () => {
    const many = Array.from({ length: 260 }, (_, i) => article(`m${i}.txt`, `Line\n${i}`, { entities: [mayor] }));
    const sub = join(dir, 'many');
    await writeImportFiles(sub, bulkRows(many), new Date());
    const sizes = [];
    for await (const batch of deferredBatches(sub)) sizes.push([batch.target, batch.rows.length]);
    expect(sizes).toEqual([
      ['Article', 250],
      ['Article', 10],
    ]);
  });
});
