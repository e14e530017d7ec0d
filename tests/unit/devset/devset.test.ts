import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Annotation } from '../../../ingest/annotation/format';
import { checkAnnotation } from '../../../ingest/annotation/check';
import { readAnnotation } from '../../../ingest/annotation/read';
import { readArticleFile } from '../../../ingest/article/read';
import { devsetId, normalizeTitle, normalizeUrl, sha256Hex } from '../../../ingest/devset/identity';
import { ANNOTATIONS_DIR, CORPUS_DIR, PROJECT_ROOT } from '../../../src/core/paths';

const DEVSET_DIR = join(PROJECT_ROOT, 'ingest', 'devset');
/** Kept beside the repository, not in it: the lead's list of articles no one may tune or test on. */
const HELDOUT_FILE = resolve(PROJECT_ROOT, '..', 'shared', 'heldout-exclude.txt');

const splits = readdirSync(DEVSET_DIR).filter((d) => statSync(join(DEVSET_DIR, d)).isDirectory());
/** Every article of every split: `<split>/<id>.txt` (the optional `<id>.neutral.txt` is not an article). */
const articles = splits.flatMap((split) =>
  readdirSync(join(DEVSET_DIR, split))
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.neutral.txt'))
    .map((f) => ({ split, stem: basename(f, '.txt'), path: join(DEVSET_DIR, split, f) })),
);
const cases = articles.map((a) => [`${a.split}/${a.stem}`, a] as const);

function annotationOf(a: (typeof articles)[number]): Annotation {
  const file = join(DEVSET_DIR, a.split, `${a.stem}.yaml`);
  return readAnnotation(readFileSync(file, 'utf8'), `${a.stem}.yaml`).annotation;
}

/** The hashes of the held-out list, by kind; reading fails loudly when the list is missing. */
function heldOut(): { url: Set<string>; title: Set<string> } {
  if (!existsSync(HELDOUT_FILE)) {
    throw new Error(
      `the held-out list ${HELDOUT_FILE} is missing: the dev set cannot be shown to be free of held-out articles`,
    );
  }
  const url = new Set<string>();
  const title = new Set<string>();
  for (const line of readFileSync(HELDOUT_FILE, 'utf8').split(/\r?\n/)) {
    const m = /^(url|title)\s+([0-9a-f]{64})\s*$/.exec(line.trim());
    if (m) (m[1] === 'url' ? url : title).add(m[2]!);
  }
  return { url, title };
}

describe('the dev-set identity helpers', () => {
  it('normalize a url as the held-out list does', () => {
    expect(normalizeUrl('HTTPS://www.Example.com/News/2017/a-story/?ref=rss#top')).toBe(
      'example.com/news/2017/a-story',
    );
    expect(normalizeUrl('http://example.com/a/')).toBe(normalizeUrl('https://www.example.com/a'));
  });

  it('normalize a title as the held-out list does', () => {
    expect(normalizeTitle("  Judge rules for Philly in 'sanctuary city' case ")).toBe(
      'judge rules for philly in sanctuary city case',
    );
    expect(normalizeTitle('Anger erupts — ‘sanctuary’ policy')).toBe('anger erupts sanctuary policy');
  });

  it('name an article by 16 hex digits of the hash of its normalized url', () => {
    const id = devsetId('https://www.example.com/a/');
    expect(id).toBe(`dev_${sha256Hex('example.com/a').slice(0, 16)}`);
    expect(devsetId('http://example.com/a?x=1')).toBe(id);
  });
});

describe('the development set', () => {
  it('has a tune split with articles in it', () => {
    expect(splits).toContain('tune');
    expect(articles.filter((a) => a.split === 'tune').length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: the gold passes the schema and every quote and reference checks', async (_name, a) => {
    const doc = await readArticleFile(a.path);
    const annotation = annotationOf(a);
    expect(checkAnnotation(annotation, doc.text)).toEqual([]);
    expect(annotation.origin).toBe('curated');
    expect(annotation.article.file).toBe(`${a.stem}.txt`);
    expect(annotation.article.id).toBe(a.stem);
    expect(annotation.article.url).toBe(doc.meta.url);
    expect(normalizeTitle(annotation.article.title)).toBe(normalizeTitle(doc.meta.title ?? ''));
  });

  it.each(cases)('%s: the id is dev_ and 16 hex digits of the SHA-256 of the normalized url', async (_name, a) => {
    const { meta } = await readArticleFile(a.path);
    expect(meta.url).toBeDefined();
    expect(a.stem).toMatch(/^dev_[0-9a-f]{16}$/);
    expect(a.stem).toBe(devsetId(meta.url!));
  });

  it.each(cases)('%s: is not on the held-out list, by url or by title', async (_name, a) => {
    const list = heldOut();
    expect(list.url.size).toBeGreaterThan(0);
    expect(list.title.size).toBeGreaterThan(0);
    const { meta } = await readArticleFile(a.path);
    expect(list.url.has(sha256Hex(normalizeUrl(meta.url ?? '')))).toBe(false);
    expect(list.title.has(sha256Hex(normalizeTitle(meta.title ?? '')))).toBe(false);
  });

  it('holds none of the seed articles', async () => {
    const seeds = new Set<string>();
    for (const f of readdirSync(CORPUS_DIR)) {
      const title = (await readArticleFile(join(CORPUS_DIR, f))).meta.title;
      if (title) seeds.add(normalizeTitle(title));
    }
    for (const f of readdirSync(ANNOTATIONS_DIR)) {
      seeds.add(
        normalizeTitle(readAnnotation(readFileSync(join(ANNOTATIONS_DIR, f), 'utf8'), f).annotation.article.title),
      );
    }
    expect(seeds.size).toBeGreaterThan(0);
    const clashes: string[] = [];
    for (const a of articles) {
      const title = normalizeTitle((await readArticleFile(a.path)).meta.title ?? '');
      if (seeds.has(title)) clashes.push(`${a.split}/${a.stem}: "${title}"`);
    }
    expect(clashes).toEqual([]);
  });

  it('cites every article of a split in its SOURCES.md', () => {
    const missing: string[] = [];
    for (const split of splits) {
      const sources = join(DEVSET_DIR, split, 'SOURCES.md');
      const text = existsSync(sources) ? readFileSync(sources, 'utf8') : '';
      for (const a of articles.filter((x) => x.split === split)) {
        if (!text.includes(a.stem)) missing.push(`${split}/${a.stem}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives one name and one kind to an id wherever it appears, the seed annotations included', () => {
    const files: [string, Annotation][] = [
      ...readdirSync(ANNOTATIONS_DIR).map(
        (f) =>
          [f, readAnnotation(readFileSync(join(ANNOTATIONS_DIR, f), 'utf8'), f).annotation] as [string, Annotation],
      ),
      ...articles.map((a) => [`${a.split}/${a.stem}.yaml`, annotationOf(a)] as [string, Annotation]),
    ];
    const seen = new Map<string, { name: string; kind: string; file: string }>();
    const clashes: string[] = [];
    for (const [file, a] of files) {
      const all = [
        ...a.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
        ...a.events.map((e) => ({ id: e.id, name: e.name, kind: 'event' })),
      ];
      for (const e of all) {
        const before = seen.get(e.id);
        if (before && (before.name !== e.name || before.kind !== e.kind)) {
          clashes.push(`${e.id}: ${before.kind} "${before.name}" in ${before.file}, ${e.kind} "${e.name}" in ${file}`);
        }
        if (!before) seen.set(e.id, { ...e, file });
      }
    }
    expect(clashes).toEqual([]);
  });
});
