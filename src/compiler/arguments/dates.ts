import { badInput } from '../../core/errors';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The days a date of any precision covers, as sortable YYYY-MM-DD strings. */
export interface DayRange {
  first: string;
  last: string;
}

/**
 * The day range of an ISO date of year, month or day precision ("2018" covers 2018-01-01..2018-12-31);
 * null when the text is not one or is not a real calendar date.
 */
export function dayRange(value: string): DayRange | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [, year, month, day] = m;
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  const lastDay = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (day === undefined) return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(lastDay)}` };
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > lastDay) return null;
  return { first: value, last: value };
}

/**
 * Validates a from/to pair: each an ISO date of any precision, from not after to. The result covers every
 * day of both bounds, so "from 2018-06" starts on June 1 and "to 2018" ends on December 31.
 */
export function dateWindow(from: string | null | undefined, to: string | null | undefined): Partial<DayRange> {
  const parse = (argument: string, value: string | null | undefined): DayRange | null => {
    if (value === null || value === undefined) return null;
    const range = dayRange(value);
    if (!range)
      throw badInput(argument, `must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD and a real day (got "${value}")`);
    return range;
  };
  const start = parse('from', from);
  const end = parse('to', to);
  if (start && end && start.first > end.last) throw badInput('from', `must not be after "to" (${from} > ${to})`);
  return { first: start?.first, last: end?.last };
}
