import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlainTextArticle } from '../../../ingest/article/plain-text';
import { readArticleFile } from '../../../ingest/article/read';

const BODY = 'Cities Push Back on Grant Conditions\n\nSeveral cities said on Thursday that they would not change.\n';

describe('parsePlainTextArticle: header lines of scraped news dumps', () => {
  it('reads title, url, published, author and source from the lines the file starts with, and leaves them out of the text', () => {
    const raw = [
      'title: Mayor Rejects Federal Demand on Jail Access',
      'url: https://example.com/news/mayor-rejects',
      'published: 2017-08-04T10:30:00Z',
      'author: Bruno Alvarez',
      'source: Daily Courier',
      '',
      'The mayor said on Friday that the city would not change its jail policy.',
      '',
    ].join('\n');
    expect(parsePlainTextArticle(raw)).toEqual({
      text: 'The mayor said on Friday that the city would not change its jail policy.\n',
      meta: {
        title: 'Mayor Rejects Federal Demand on Jail Access',
        url: 'https://example.com/news/mayor-rejects',
        published: '2017-08-04',
        author: 'Bruno Alvarez',
        source: 'Daily Courier',
      },
    });
  });

  it('takes any case of the keys, "date" for published, CRLF line ends, and infers what the headers leave out', () => {
    const raw =
      'Title: Cities Push Back\r\nDate: April 11, 2017\r\n\r\nCities Push Back\r\n\r\nBy Lee Park\r\n\r\nThe council voted on Thursday.\r\n';
    const parsed = parsePlainTextArticle(raw);
    expect(parsed.meta).toEqual({ title: 'Cities Push Back', published: '2017-04-11', author: 'Lee Park' });
    expect(parsed.text).toBe('Cities Push Back\r\n\r\nBy Lee Park\r\n\r\nThe council voted on Thursday.\r\n');
  });

  it('keeps a file without header lines exactly as it is', () => {
    expect(parsePlainTextArticle(BODY)).toEqual({
      text: BODY,
      meta: { title: 'Cities Push Back on Grant Conditions' },
    });
  });

  it('does not take a first line that merely contains a colon for a header', () => {
    const raw = `Note: the council met on Thursday.\n\n${BODY}`;
    expect(parsePlainTextArticle(raw)).toEqual({ text: raw, meta: { title: 'Note: the council met on Thursday.' } });
  });

  it('does not take a known key whose value is not that field: a "date:" line that is no date', () => {
    const raw = `Date: a night the council will not forget\n\n${BODY}`;
    expect(parsePlainTextArticle(raw).text).toBe(raw);
  });

  it('does not take header-like lines that run straight into the text, with no blank line after them', () => {
    const raw = 'Source: officials who asked not to be named\nsaid the city would not comply.\n';
    expect(parsePlainTextArticle(raw).text).toBe(raw);
  });
});

describe('readArticleFile: a .txt with header lines', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plain-text-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the headers as metadata and the rest as text', async () => {
    const path = join(dir, 'dump.txt');
    await writeFile(path, `title: Cities Push Back\npublished: 2018-06-07\n\n${BODY}`);
    const doc = await readArticleFile(path);
    expect(doc.format).toBe('text');
    expect(doc.meta).toEqual({ title: 'Cities Push Back', published: '2018-06-07' });
    expect(doc.text).toBe(BODY);
  });
});
