// The URL's query string to and from the page's state: pure functions (no window), so unit tests run them.
import { isRangeBound } from './date-range';
import type { Pin, UrlState, ViewName } from './state';

const VIEW_NAMES: readonly ViewName[] = ['graph', 'stances', 'path', 'reader'];

/** `id:x:y` with whole-number coordinates; the id is everything before the last two colons. */
const PIN = /^(.+):(-?\d+):(-?\d+)$/;

/** The `pin` parameter's pins: `id:x:y` joined by commas; an item of another shape is left out. */
export function parsePins(text: string): Pin[] {
  return text
    .split(',')
    .map((item) => PIN.exec(item))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1]!, x: Number(m[2]), y: Number(m[3]) }));
}

/** The `pin` parameter for pins (rounded to whole model units, as the page pins them). */
export function formatPins(pins: readonly Pin[]): string {
  return pins.map((p) => `${p.id}:${Math.round(p.x)}:${Math.round(p.y)}`).join(',');
}

/** Reads the page's state from a query string; anything missing or out of range takes its default. */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const list = (name: string) => (q.get(name) ?? '').split(',').filter(Boolean);
  const depth = Number(q.get('depth'));
  return {
    entity: q.get('entity'),
    depth: depth >= 1 && depth <= 3 ? depth : 1,
    expanded: list('expand'),
    hidden: list('hide'),
    pins: parsePins(q.get('pin') ?? ''),
    hiddenNodes: list('hideNode'),
    view: VIEW_NAMES.find((v) => v === q.get('view')) ?? 'graph',
    kind: q.get('kind') === 'SUPPORTED' ? 'SUPPORTED' : 'OPPOSED',
    actionBy: q.get('actionBy') ?? '',
    pathFrom: q.get('from') ?? '',
    pathTo: q.get('to') ?? '',
    article: q.get('article') ?? '',
    quote: q.get('quote') ?? '',
    since: isRangeBound(q.get('since') ?? '') ? (q.get('since') ?? '') : '',
    until: isRangeBound(q.get('until') ?? '') ? (q.get('until') ?? '') : '',
    actor: q.get('actor') ?? '',
  };
}

/** The query string for a state, without defaults, so a shared link stays short. */
export function formatUrlState(url: UrlState): string {
  const q = new URLSearchParams();
  if (url.view === 'stances') {
    q.set('view', 'stances');
    q.set('kind', url.kind);
    if (url.actionBy) q.set('actionBy', url.actionBy);
    if (url.actor) q.set('actor', url.actor);
  }
  if (url.view === 'path') {
    q.set('view', 'path');
    if (url.pathFrom) q.set('from', url.pathFrom);
    if (url.pathTo) q.set('to', url.pathTo);
  }
  if (url.view === 'reader') {
    q.set('view', 'reader');
    if (url.article) q.set('article', url.article);
    if (url.quote) q.set('quote', url.quote);
  }
  if (url.entity) q.set('entity', url.entity);
  if (url.depth !== 1) q.set('depth', String(url.depth));
  if (url.expanded.length) q.set('expand', url.expanded.join(','));
  if (url.hidden.length) q.set('hide', url.hidden.join(','));
  if (url.pins.length) q.set('pin', formatPins(url.pins));
  if (url.hiddenNodes.length) q.set('hideNode', url.hiddenNodes.join(','));
  if (url.since) q.set('since', url.since);
  if (url.until) q.set('until', url.until);
  return q.toString();
}
