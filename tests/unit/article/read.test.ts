import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../../ingest/article/read';
import { IngestInputError } from '../../../ingest/errors';

const fixture = (name: string): string => join(__dirname, '../../fixtures/articles', name);
const corpus = (name: string): string => join(__dirname, '../../../ingest/corpus', name);

describe('readArticleFile: plain text', () => {
  it('reads a news piece: title line, author line, a date line in another language', async () => {
    const doc = await readArticleFile(fixture('news-dated.txt'));
    expect(doc.format).toBe('text');
    expect(doc.meta).toEqual({
      title: 'Mayor Rejects Federal Demand on Jail Access',
      author: 'Bruno Alvarez',
      published: '2017-08-04',
    });
  });

  it('reads a blog repost: skips the author box, keeps the original byline, outlet and date over the post date', async () => {
    const doc = await readArticleFile(fixture('blog-repost.txt'));
    expect(doc.meta).toEqual({
      title: 'Sheriff Says County Will Keep Honoring Detainers',
      source: 'Daily Courier',
      author: 'Sam Ortiz and Lee Park',
      published: '2018-03-03',
    });
  });

  it('reads an undated piece: a title and no date', async () => {
    const doc = await readArticleFile(fixture('undated.txt'));
    expect(doc.meta).toEqual({ title: 'Cities Push Back on Grant Conditions' });
  });

  it('keeps the text of a plain-text file exactly, so that quotes can be checked against it', async () => {
    const doc = await readArticleFile(fixture('undated.txt'));
    expect(doc.text).toBe(
      'Cities Push Back on Grant Conditions\n\nSeveral cities said on Thursday that they would not change their policies.\n',
    );
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the layouts of the seed corpus', async () => {
    expect((await readArticleFile(corpus('000_5c8c8792612c7421.txt'))).meta).toMatchObject({
      title: 'Attorney General Jeff Sessions Urges Police to Cooperate With Immigration Enforcement',
      author: 'Aruna Viswanatha and Shibani Mahtani',
      source: 'Wall Street Journal',
      published: '2017-04-11',
    });
    expect((await readArticleFile(corpus('002_f389543f85fdb957.txt'))).meta).toEqual({
      title: "US Immigration Agents Find Ways Around 'Sanctuary' Policies",
      published: '2019-03-15',
    });
    expect((await readArticleFile(corpus('004_7eba275eeb4bf9d5.txt'))).meta.author).toBe('Klarize Medenilla');
  });
});

describe('readArticleFile: Markdown', () => {
  it('takes metadata from the YAML front matter and strips Markdown syntax from the text', async () => {
    const doc = await readArticleFile(fixture('article.md'));
    expect(doc.format).toBe('markdown');
    expect(doc.meta).toEqual({
      title: 'Judge Blocks Grant Conditions',
      published: '2018-06-07',
      author: 'Dana Whitfield and Omar Reyes',
      url: 'https://news.example.com/judge-blocks',
      source: 'Example News',
    });
    expect(doc.text).toContain(
      'A federal judge on Wednesday blocked the Justice Department from withholding grants, a major win for the city.',
    );
    expect(doc.text).toContain('"This ruling is a win," the mayor said.');
    expect(doc.text).toContain('The city sued in August.\nThe ruling can be appealed.');
    expect(doc.text).toContain('snake_case_words stay as they are');
    expect(doc.text).not.toMatch(/[#*>]|\]\(|court\.jpg|---/);
  });
});

describe('readArticleFile: HTML', () => {
  it('takes title, date, author, url and outlet from the head, and the readable body as text', async () => {
    const doc = await readArticleFile(fixture('article.html'));
    expect(doc.format).toBe('html');
    expect(doc.meta).toEqual({
      title: 'Judge Blocks Grant Conditions',
      published: '2018-06-07',
      author: 'Dana Whitfield',
      url: 'https://news.example.com/judge-blocks',
      source: 'Example News',
    });
    expect(doc.text).toBe(
      [
        'Judge Blocks Grant Conditions',
        '',
        'By Dana Whitfield',
        '',
        'A federal judge on Wednesday blocked the Justice Department from withholding grants from Philadelphia & other cities.',
        '',
        '“This ruling is a win for every Philadelphian,” Mayor Jim Kenney said.\nHe spoke at City Hall.',
      ].join('\n'),
    );
  });

  it('leaves out scripts, styles, navigation, asides and footers', async () => {
    const doc = await readArticleFile(fixture('article.html'));
    expect(doc.text).not.toMatch(/tracking|inline|font-family|Politics|Related|©/);
  });
});

describe('readArticleFile: bad input is rejected with an IngestInputError naming the file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'article-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function rejection(name: string, content: string | Buffer, options = {}): Promise<IngestInputError> {
    const path = join(dir, name);
    await writeFile(path, content);
    const error = await readArticleFile(path, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestInputError);
    expect((error as IngestInputError).file).toBe(name);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    return error as IngestInputError;
  }

  it('an empty file', async () => {
    expect((await rejection('empty.txt', '')).problem).toBe('file is empty');
    expect((await rejection('blank.txt', ' \n\t\n')).problem).toBe('file is empty');
  });

  it('a binary file', async () => {
    expect((await rejection('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).problem).toMatch(/binary/);
  });

  it('a file that is not UTF-8', async () => {
    expect((await rejection('latin1.txt', Buffer.from('Se\xf1or Alcalde', 'latin1'))).problem).toBe(
      'file is not valid UTF-8 text',
    );
  });

  it('a file over the size limit', async () => {
    expect((await rejection('big.txt', 'word '.repeat(100), { maxBytes: 100 })).problem).toMatch(
      /over the 100-byte limit/,
    );
  });

  it('an enormous article by word count', async () => {
    expect((await rejection('long.txt', 'word '.repeat(300), { maxWords: 200 })).problem).toBe(
      'article text has 300 words, over the 200-word limit for one article',
    );
  });

  it('an HTML page with no readable text', async () => {
    const error = await readArticleFile(fixture('no-text.html')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestInputError);
    expect((error as Error).message).toMatch(/^no-text\.html: no article text/);
  });

  it('a file that does not exist', async () => {
    expect(await readArticleFile(join(dir, 'missing.txt')).catch((e: Error) => e.message)).toBe(
      'missing.txt: file not found or not readable',
    );
  });
});
