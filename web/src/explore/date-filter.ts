import { isRangeBound } from './date-range';
import { byId } from './dom';
import { say } from './messages';
import type { ExplorerState } from './state';
import { writeUrlState } from './url-state';

/**
 * The header's date range: one filter for the graph (events outside it are hidden, with what only they
 * connected) and the stances table (stances on actions outside it). `onChange` re-applies it to both.
 */
export function createDateFilter({ url }: ExplorerState, onChange: () => void) {
  const since = byId<HTMLInputElement>('date-since');
  const until = byId<HTMLInputElement>('date-until');

  function apply(from: string, to: string): void {
    const bad = [from, to].find((d) => !isRangeBound(d));
    if (bad !== undefined) {
      say(`“${bad}” is not a date: write a year, a month or a day as YYYY, YYYY-MM or YYYY-MM-DD.`, 'error');
      return;
    }
    if (from && to && from > to) {
      say(`The range starts (${from}) after it ends (${to}).`, 'error');
      return;
    }
    url.since = from;
    url.until = to;
    writeUrlState(url);
    onChange();
  }

  byId('date-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    apply(since.value.trim(), until.value.trim());
  });
  byId('date-clear').addEventListener('click', () => {
    since.value = until.value = '';
    apply('', '');
  });

  /** Shows the URL's range in the inputs (at start and after Back or Forward). */
  function sync(): void {
    since.value = url.since;
    until.value = url.until;
  }
  sync();
  return { sync };
}
