import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../../ingest/annotation/format';
import { checkAnnotation } from '../../../ingest/annotation/check';
import { readAnnotation } from '../../../ingest/annotation/read';
import { ANNOTATIONS_DIR, CORPUS_DIR } from '../../../src/core/paths';

const files = readdirSync(ANNOTATIONS_DIR).filter((f) => f.endsWith('.yaml'));
const annotations: [string, Annotation][] = files.map((f) => [
  f,
  readAnnotation(readFileSync(join(ANNOTATIONS_DIR, f), 'utf8'), f).annotation,
]);

describe('the curated annotations of the sample corpus', () => {
  it('cover every article of the corpus, one file each', () => {
    const articles = readdirSync(CORPUS_DIR).map((f) => f.replace(/\.[^.]+$/, ''));
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(articles.sort());
  });

  it.each(annotations)('%s: every quote is verbatim in its article and every reference is declared', (_f, a) => {
    const text = readFileSync(join(CORPUS_DIR, a.article.file), 'utf8');
    expect(checkAnnotation(a, text)).toEqual([]);
  });

  it('give one name and one kind to an id wherever it appears', () => {
    const seen = new Map<string, { name: string; kind: string; file: string }>();
    const clashes: string[] = [];
    for (const [file, a] of annotations) {
      const all = [
        ...a.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
        ...a.events.map((e) => ({ id: e.id, name: e.name, kind: 'event' })),
      ];
      for (const e of all) {
        const before = seen.get(e.id);
        if (before && (before.name !== e.name || before.kind !== e.kind)) {
          clashes.push(`${e.id}: ${before.kind} "${before.name}" in ${before.file}, ${e.kind} "${e.name}" in ${file}`);
        }
        seen.set(e.id, { ...e, file });
      }
    }
    expect(clashes).toEqual([]);
  });

  it('state the facts the product is built around', () => {
    const all = annotations.map(([, a]) => a);
    const stances = all.flatMap((a) => a.stances);
    const events = all.flatMap((a) => a.events);
    const threat = events.find((e) => e.id === 'sessions-subpoena-threat-2018-01-24');
    expect(threat?.date).toBe('2018-01-24');
    expect(stances).toContainEqual(
      expect.objectContaining({
        actor: 'eric-garcetti',
        kind: 'OPPOSED',
        target: 'sessions-subpoena-threat-2018-01-24',
        quote: expect.stringContaining('Threaten me all you want'),
      }),
    );
    const letters = events.filter((e) => e.id === 'doj-public-safety-partnership-letters-2017-08');
    expect(letters.length).toBeGreaterThanOrEqual(2);
    for (const e of letters) {
      const targets = e.targets.map((t) => (typeof t === 'string' ? t : t.id));
      expect(targets).toEqual(expect.arrayContaining(['baltimore', 'albuquerque', 'stockton', 'san-bernardino']));
    }
  });
});
