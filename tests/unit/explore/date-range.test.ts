import { inDateRange, isRangeBound } from '../../../web/src/explore/date-range';

/** The explorer's date filter: which events (and stances on them) a range keeps. */
describe('inDateRange', () => {
  it('keeps everything, dated or not, when no bound is set', () => {
    expect(inDateRange('2018-01-24', '', '')).toBe(true);
    expect(inDateRange(null, '', '')).toBe(true);
  });

  it('compares days with days', () => {
    expect(inDateRange('2018-01-24', '2018-01-24', '2018-01-24')).toBe(true);
    expect(inDateRange('2018-01-23', '2018-01-24', '')).toBe(false);
    expect(inDateRange('2018-01-25', '', '2018-01-24')).toBe(false);
  });

  it('takes a month or a year as all its days: in range when any of them is', () => {
    expect(inDateRange('2018-01', '2018-01-31', '')).toBe(true);
    expect(inDateRange('2018-01', '2018-02-01', '')).toBe(false);
    expect(inDateRange('2017', '', '2017-01-01')).toBe(true);
    expect(inDateRange('2018-02-10', '2018', '2018')).toBe(true);
    expect(inDateRange('2018-02-10', '2017', '2018-01')).toBe(false);
  });

  it('leaves out what is undated once a range is set', () => {
    expect(inDateRange(null, '2017', '')).toBe(false);
    expect(inDateRange('', '', '2019')).toBe(false);
  });

  it('accepts a year, a month or a day as a bound, and nothing else', () => {
    expect(['', '2017', '2017-03', '2017-03-09'].every(isRangeBound)).toBe(true);
    expect(['17', '2017-3', 'March 2017', '2017-03-09T00:00'].some(isRangeBound)).toBe(false);
  });
});
