import { AnnotationSchema } from '../../../ingest/annotation/format';
import { combinePlans, KindClashError } from '../../../ingest/combine-plans';
import { planArticle } from '../../../ingest/graph-plan';

function plan(file: string, text: string, body: Record<string, unknown>) {
  const annotation = AnnotationSchema.parse({ article: { file, id: file.replace('.txt', ''), title: file }, ...body });
  return planArticle(annotation, { file, path: `/x/${file}`, format: 'text', text, meta: {}, contentHash: file });
}

const doj = { id: 'department-of-justice', kind: 'agency', name: 'Department of Justice', aliases: ['DOJ'] };
const garcetti = { id: 'eric-garcetti', kind: 'person', name: 'Eric Garcetti' };
const threat = {
  id: 'threat',
  type: 'threat',
  name: 'Threat',
  by: ['department-of-justice'],
  quotes: ['DOJ threatened.'],
};

const first = plan('a.txt', 'DOJ threatened. Garcetti objected.', {
  entities: [doj, garcetti],
  events: [threat],
  stances: [{ actor: 'eric-garcetti', kind: 'OPPOSED', target: 'threat', quote: 'Garcetti objected.' }],
});
const second = plan('b.txt', 'The Justice Department threatened. Garcetti said no.', {
  entities: [
    { ...doj, aliases: ['Justice Department'] },
    { ...garcetti, name: 'Mayor Eric Garcetti' },
  ],
  events: [{ ...threat, date: '2018-01-24', quotes: ['The Justice Department threatened.'] }],
  stances: [{ actor: 'eric-garcetti', kind: 'OPPOSED', target: 'threat', quote: 'Garcetti said no.', confidence: 0.5 }],
});

describe('combinePlans', () => {
  const rows = combinePlans([first, second]);

  it('writes a node stated by several articles once, as writing them in order would leave it', () => {
    expect(rows.entities.Agency).toEqual([
      expect.objectContaining({ id: 'department-of-justice', aliases: ['DOJ', 'Justice Department'] }),
    ]);
    expect(rows.entities.Person).toEqual([
      expect.objectContaining({ id: 'eric-garcetti', name: 'Mayor Eric Garcetti' }),
    ]);
    expect(rows.events).toEqual([expect.objectContaining({ id: 'threat', date: '2018-01-24', datePrecision: 'day' })]);
  });

  it("merges a fact stated by several articles into one row with each article's quotes, in order", () => {
    expect(rows.facts.OPPOSED).toEqual([
      expect.objectContaining({
        key: 'OPPOSED|eric-garcetti|threat|',
        quotes: ['Garcetti objected.', 'Garcetti said no.'],
        confidences: [1, 0.5],
        articles: ['a', 'b'],
        sources: ['a', 'b'],
      }),
    ]);
    expect(rows.facts.INITIATED[0]).toMatchObject({ articles: ['a', 'b'], sources: ['a', 'b'] });
  });

  it('keeps one mention per article and entity, and each article with the keys of its own facts', () => {
    expect(rows.mentions.map((m) => `${m.article}:${m.id}`)).toEqual([
      'a:department-of-justice',
      'a:eric-garcetti',
      'a:threat',
      'b:department-of-justice',
      'b:eric-garcetti',
      'b:threat',
    ]);
    expect(rows.articles.map((a) => [a.id, a.factKeys.length])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('refuses two articles that give one id two kinds, so that they are written (and rejected) one by one', () => {
    const clash = plan('c.txt', 'Garcetti spoke.', {
      entities: [{ id: 'eric-garcetti', kind: 'organization', name: 'Garcetti Inc.' }],
    });
    expect(() => combinePlans([first, clash])).toThrow(KindClashError);
    expect(() => combinePlans([first, clash])).toThrow(
      '"eric-garcetti" is declared both as Person and as Organization',
    );
  });
});
