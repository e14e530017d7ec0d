/**
 * The page's date-range filter, shared by the graph and the stances table. Dates are the model's ISO dates of
 * a year, a month or a day (2017, 2018-01, 2018-01-24): a date stands for all its days, and it is in the range
 * when any of its days is, the rule the API's own date windows follow. Strings of equal length compare as
 * dates, so every bound is widened to a day: its first day for a start, its last for an end ("-31" works for
 * every month, as no real day sorts after it).
 */

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Whether a filter bound is a date the filter understands (empty means no bound). */
export function isRangeBound(value: string): boolean {
  return value === '' || ISO.test(value);
}

const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const lastDay = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

/** Whether a range is set at all. */
export function hasRange(since: string, until: string): boolean {
  return Boolean(since || until);
}

/**
 * Whether something dated `date` is in [since, until] (either may be empty: no bound). Without a range
 * everything is in it; with one, an undated thing is not, since nothing says it falls inside.
 */
export function inDateRange(date: string | null | undefined, since: string, until: string): boolean {
  if (!hasRange(since, until)) return true;
  if (!date || !ISO.test(date)) return false;
  if (since && lastDay(date) < firstDay(since)) return false;
  if (until && firstDay(date) > lastDay(until)) return false;
  return true;
}
