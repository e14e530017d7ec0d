import { articleAnchor, datesOverlap, findDates, type AnchorDate } from '../../../ingest/extract/dates';
import { splitSentences } from '../../../ingest/extract/sentences';

/** The dates of one sentence, resolved from the anchor. */
function datesIn(sentence: string, anchor: AnchorDate | null): string[] {
  const [s] = splitSentences(sentence);
  return s ? findDates(s, anchor).map((d) => d.value) : [];
}

// Tuesday, April 11, 2017
const tuesday: AnchorDate = { year: 2017, month: 4, day: 11 };

describe('relative dates are resolved from the article date, keeping only the precision known', () => {
  it('a weekday is the latest such day on or before the article date', () => {
    expect(datesIn('Sessions spoke on Tuesday.', tuesday)).toEqual(['2017-04-11']);
    expect(datesIn('The ACLU reported on Wednesday that emails show it.', { year: 2019, month: 3, day: 15 })).toEqual([
      '2019-03-13',
    ]);
  });

  it('"last month" and "last year" keep month and year precision', () => {
    expect(datesIn('Last month, the administration said it would withhold grants.', tuesday)).toEqual(['2017-03']);
    expect(datesIn('Last year, the president issued an order.', { year: 2018, month: 1 })).toEqual(['2017']);
    expect(datesIn('Just last month, the council voted.', { year: 2018, month: 1, day: 24 })).toEqual(['2017-12']);
  });

  it('"last week" is kept to its month when the whole week falls in one', () => {
    expect(datesIn('Last week, the chief reported a drop.', tuesday)).toEqual(['2017-04']);
    expect(datesIn('Last week, the chief reported a drop.', { year: 2017, month: 4, day: 4 })).toEqual([]);
  });

  it('a month and day without a year take the article year, or the year before if that is in the future', () => {
    expect(
      datesIn('A day later, on Feb. 27, the jail notified county leaders.', { year: 2019, month: 3, day: 15 }),
    ).toEqual(['2019-02-27']);
    expect(datesIn('The deadline was December 20.', { year: 2019, month: 3, day: 15 })).toEqual(['2018-12-20']);
  });

  it('written dates need no anchor; relative ones are dropped without one', () => {
    expect(datesIn('Garcetti told the media in January 2017 that it was not his job.', null)).toEqual(['2017-01']);
    expect(datesIn('He spoke on Thursday and again last month.', null)).toEqual([]);
  });

  it('tells the verb "may" and the noun "march" from month names', () => {
    expect(datesIn('Cities may lose funds after the march on Friday.', null)).toEqual([]);
  });

  it('marks deadlines, which do not date an act', () => {
    const [s] = splitSentences('The department asked for proof by August 18.');
    expect(findDates(s!, { year: 2017, month: 8, day: 4 })).toMatchObject([{ value: '2017-08-18', role: 'deadline' }]);
  });
});

describe('articleAnchor', () => {
  it('is the published date when there is one', () => {
    expect(articleAnchor('2017-08-04', [])).toEqual({ year: 2017, month: 8, day: 4 });
    expect(articleAnchor('2017-08', [])).toEqual({ year: 2017, month: 8, day: undefined });
  });

  it('is pinned by a weekday and a day in undated text, in the first fitting year from the latest year mentioned', () => {
    const sentences = splitSentences(
      'Lawsuits followed in 2017. Sessions on Wednesday, January 24 threatened to subpoena cities.',
    );
    expect(articleAnchor(undefined, sentences)).toEqual({ year: 2018, month: 1, day: 24 });
  });
});

describe('datesOverlap', () => {
  it('compares dates at the coarser precision, and a missing date overlaps any', () => {
    expect(datesOverlap('2017-08', '2017-08-03')).toBe(true);
    expect(datesOverlap('2017-08', '2017-09-01')).toBe(false);
    expect(datesOverlap(undefined, '2017')).toBe(true);
  });
});
