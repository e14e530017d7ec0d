import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAnnotation } from '../../../../ingest/annotation/check';
import { AnnotationSchema, type Annotation } from '../../../../ingest/annotation/format';
import type { ArticleDocument } from '../../../../ingest/article/read';
import type { Gazetteer } from '../../../../ingest/extract';
import { extractAnnotationFromParse, ParseMismatchError } from '../../../../ingest/extract/structure';

/**
 * Each fixture is a short synthetic text written for one class of error, with CoreNLP 4.5.10's parse of it
 * (tests/fixtures/corenlp, made by `node dist/src/cli/corenlp-fixtures.js --fixtures tests/fixtures/corenlp`).
 */
const EMPTY: Gazetteer = { entities: [], events: [] };

function fixture(name: string): { doc: ArticleDocument; parse: unknown } {
  const { text, parse } = JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/corenlp', `${name}.json`), 'utf8'),
  ) as { text: string; parse: unknown };
  const doc: ArticleDocument = { file: `${name}.txt`, path: name, format: 'text', text, meta: {}, contentHash: name };
  return { doc, parse };
}

function extract(name: string, gazetteer: Gazetteer = EMPTY): Annotation {
  const { doc, parse } = fixture(name);
  const annotation = AnnotationSchema.parse(extractAnnotationFromParse(doc, gazetteer, parse));
  expect(checkAnnotation(annotation, doc.text)).toEqual([]);
  return annotation;
}

const ids = (a: Annotation, kind?: string): string[] =>
  a.entities.filter((e) => kind === undefined || e.kind === kind).map((e) => e.id);

describe('the structure extractor on CoreNLP parses', () => {
  it('splits a title glued to a name into the city, the title and the person', () => {
    const a = extract('glued-title');
    expect(ids(a, 'person')).toEqual(['rahm-emanuel']);
    expect(ids(a, 'jurisdiction')).toContain('chicago');
    expect(a.roles).toEqual([expect.objectContaining({ person: 'rahm-emanuel', title: 'Mayor', org: 'chicago' })]);
    expect(a.entities.some((e) => /mayor/i.test(e.name))).toBe(false);
  });

  it('leaves photo credits out and keeps the caption and the body', () => {
    const a = extract('photo-credit');
    const names = a.entities.map((e) => e.name);
    expect(names).toContain('Ed Lee');
    for (const junk of [/chiu/i, /^ap$/i, /getty/i]) expect(names.some((n) => junk.test(n))).toBe(false);
  });

  it('gives a pronoun the person its coreference chain names, as the subject of a stance', () => {
    const a = extract('coref-pronoun');
    expect(ids(a, 'person')).toEqual(['jerry-brown']);
    expect(a.stances).toContainEqual(
      expect.objectContaining({ actor: 'jerry-brown', kind: 'OPPOSED', target: 'justice-department' }),
    );
    expect(a.entities.some((e) => /^he$/i.test(e.name))).toBe(false);
  });

  it('takes a surname alone as the person named in full before, not a new person', () => {
    const a = extract('surname-alias');
    expect(ids(a, 'person')).toEqual(['jeff-sessions']);
    expect(a.entities.find((e) => e.id === 'jeff-sessions')?.aliases).toContain('Sessions');
    expect(a.stances).toContainEqual(expect.objectContaining({ actor: 'jeff-sessions', kind: 'OPPOSED' }));
  });

  it('reads a passive lawsuit: the by-agent sues, the passive subject is sued', () => {
    const a = extract('passive-lawsuit');
    const lawsuit = a.events.find((e) => e.type === 'lawsuit');
    expect(lawsuit).toMatchObject({ by: ['seattle'], targets: ['justice-department'] });
    expect(a.stances.every((s) => s.actor !== 'justice-department')).toBe(true);
  });

  it('has the suer oppose the policy sued over, and whoever praises the lawsuit support it', () => {
    const a = extract('suer-stance');
    const lawsuit = a.events.find((e) => e.type === 'lawsuit');
    expect(lawsuit).toMatchObject({ by: ['california'], targets: ['justice-department'] });
    expect(a.stances).toContainEqual(
      expect.objectContaining({ actor: 'california', kind: 'OPPOSED', target: 'sanctuary-policies' }),
    );
    expect(a.stances).toContainEqual(
      expect.objectContaining({ actor: 'xavier-becerra', kind: 'SUPPORTED', target: lawsuit?.id }),
    );
    expect(a.stances.some((s) => s.actor === 'justice-department')).toBe(false);
    // The praise is a reaction, not an act of its own.
    expect(a.events.filter((e) => e.type === 'lawsuit')).toHaveLength(1);
  });

  it('refuses a parse made from another text', () => {
    const { doc, parse } = fixture('glued-title');
    const other = { ...doc, text: doc.text.replace('Chicago', 'Boston!') };
    expect(() => extractAnnotationFromParse(other, EMPTY, parse)).toThrow(ParseMismatchError);
  });
});
