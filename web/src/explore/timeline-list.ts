import type { Details } from './api';
import { el } from './dom';

/** An entity's dated events in order, each a button that opens the event (the seam for a timeline tab). */
export function timelineList(timeline: Details['timeline'], open: (id: string) => void): HTMLElement {
  const events = el('ol', { class: 'timeline' });
  for (const t of timeline) {
    const b = el('button', { type: 'button', class: 'linkish' }, t.name);
    b.addEventListener('click', () => open(t.id));
    events.append(el('li', {}, el('time', {}, t.date ?? 'undated'), ' ', b, ` (${t.eventType})`));
  }
  return events;
}
