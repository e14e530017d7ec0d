import { AnnotationSchema } from '../../../ingest/annotation/format';
import { combinePlans, EventJoinError } from '../../../ingest/combine-plans';
import {
  agrees,
  compatibleDates,
  type GraphEvent,
  reconcileEvents,
  separateEventId,
} from '../../../ingest/event-agreement';
import { planArticle } from '../../../ingest/graph-plan';

function plan(file: string, origin: 'curated' | 'extracted', body: Record<string, unknown>) {
  const annotation = AnnotationSchema.parse({
    article: { file, id: file.replace('.txt', ''), title: file },
    origin,
    ...body,
  });
  return planArticle(annotation, { file, path: `/x/${file}`, format: 'text', text: '', meta: {}, contentHash: file });
}

const entities = [
  { id: 'los-angeles', kind: 'jurisdiction', name: 'Los Angeles' },
  { id: 'department-of-justice', kind: 'agency', name: 'Department of Justice' },
  { id: 'california', kind: 'jurisdiction', name: 'California' },
];
const lawsuit = (date: string, by: string[]) => ({
  id: 'lawsuits-2017',
  type: 'lawsuit',
  name: 'A lawsuit',
  date,
  by,
  quotes: ['They sued.'],
});
const held: GraphEvent = { id: 'lawsuits-2017', eventType: 'lawsuit', date: '2017', parties: ['los-angeles'] };

describe('agreement of an extracted event with the graph’s', () => {
  it('takes dates of any precision as compatible when one contains the other', () => {
    expect(compatibleDates('2017', '2017-08-14')).toBe(true);
    expect(compatibleDates('2017-08', '2017-08-14')).toBe(true);
    expect(compatibleDates(null, '2017')).toBe(true);
    expect(compatibleDates('2017-08', '2017-09-01')).toBe(false);
    expect(compatibleDates('2017', '2018-03-06')).toBe(false);
  });

  it('needs the same type family, a compatible date and a shared actor or target', () => {
    const claim = { eventType: 'ruling', date: '2017-08-14', parties: ['los-angeles', 'department-of-justice'] };
    expect(agrees(claim, held)).toBe(true); // a ruling and a lawsuit are both legal actions
    expect(agrees({ ...claim, eventType: 'speech' }, held)).toBe(false);
    expect(agrees({ ...claim, date: '2018' }, held)).toBe(false);
    expect(agrees({ ...claim, parties: ['department-of-justice'] }, held)).toBe(false);
  });

  it('renames a disagreeing extracted event everywhere the plan names it, the same way each time', () => {
    const extracted = plan('x.txt', 'extracted', {
      entities,
      events: [{ ...lawsuit('2018-03-06', ['department-of-justice']), targets: ['california'] }],
      stances: [{ actor: 'california', kind: 'OPPOSED', target: 'lawsuits-2017', quote: 'California objected.' }],
    });
    const renamed = reconcileEvents(extracted, new Map([[held.id, held]]));
    const id = separateEventId('lawsuits-2017', 'x');
    expect(id).toMatch(/^lawsuits-2017-[0-9a-f]{8}$/);
    expect(renamed.events.map((e) => e.id)).toEqual([id]);
    expect(renamed.mentions.map((m) => m.id)).toContain(id);
    expect(renamed.facts.INITIATED.map((f) => [f.from, f.to, f.key])).toEqual([
      ['department-of-justice', id, `INITIATED|department-of-justice|${id}|`],
    ]);
    expect(renamed.facts.OPPOSED.map((f) => f.to)).toEqual([id]);
    expect(renamed.factKeys).not.toContain('TARGETS|lawsuits-2017|california|');
    expect(renamed.factKeys).toContain(`TARGETS|${id}|california|`);
    expect(reconcileEvents(extracted, new Map([[held.id, held]]))).toEqual(renamed);
  });

  it('keeps the id of an agreeing extracted event, and never checks a curated one', () => {
    const agreeing = plan('y.txt', 'extracted', { entities, events: [lawsuit('2017-08-14', ['los-angeles'])] });
    expect(reconcileEvents(agreeing, new Map([[held.id, held]]))).toBe(agreeing);
    const curated = plan('z.txt', 'curated', { entities, events: [lawsuit('2019', ['california'])] });
    expect(reconcileEvents(curated, new Map([[held.id, held]]))).toBe(curated);
  });
});

describe('combinePlans with origins', () => {
  const curated = plan('c.txt', 'curated', {
    entities: [{ ...entities[0], type: 'city', aliases: ['LA'] }],
  });
  const extracted = plan('e.txt', 'extracted', {
    entities: [{ ...entities[0], name: 'City of Los Angeles', aliases: ['L.A.'], description: 'A city' }],
  });

  it('never lets an extracted article change a node a curated one declared', () => {
    expect(combinePlans([curated, extracted]).entities.Jurisdiction).toEqual([
      expect.objectContaining({ name: 'Los Angeles', aliases: ['LA'], type: 'city', description: null }),
    ]);
  });

  it('lets a curated article replace a node only extracted ones declared, aliases too', () => {
    expect(combinePlans([extracted, curated]).entities.Jurisdiction).toEqual([
      expect.objectContaining({
        name: 'Los Angeles',
        aliases: ['LA'],
        type: 'city',
        description: null,
        origin: 'curated',
      }),
    ]);
  });

  it('keeps the extracted values as the claims of its mention', () => {
    const rows = combinePlans([curated, extracted]);
    expect(rows.mentions.find((m) => m.article === 'e')?.claim).toMatchObject({
      name: 'City of Los Angeles',
      description: 'A city',
    });
  });

  it('keeps curated and extracted statements of one fact apart', () => {
    const stance = { actor: 'los-angeles', kind: 'OPPOSED', target: 'california', quote: 'LA objected.' };
    const both = combinePlans([
      plan('c.txt', 'curated', { entities, stances: [stance] }),
      plan('e.txt', 'extracted', { entities, stances: [stance] }),
    ]);
    expect(both.facts.OPPOSED.map((f) => [f.origin, f.sources])).toEqual([
      ['curated', ['c']],
      ['extracted', ['e']],
    ]);
  });

  it('sends an extracted event an earlier article of the write declares to the article-by-article path', () => {
    const a = plan('a.txt', 'curated', { entities, events: [lawsuit('2017', ['los-angeles'])] });
    const b = plan('b.txt', 'extracted', { entities, events: [lawsuit('2017', ['los-angeles'])] });
    expect(() => combinePlans([a, b])).toThrow(EventJoinError);
    expect(combinePlans([b, a]).eventsToCheck).toEqual(['lawsuits-2017']);
  });
});
