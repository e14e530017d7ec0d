import type { UrlState } from './state';
import { formatUrlState } from './url-params';

const address = (url: UrlState): string => {
  const search = formatUrlState(url);
  return search ? `?${search}` : window.location.pathname;
};

/**
 * Records a navigation (another entity, view, filter, depth…) as a new history entry, so Back returns to the
 * view before it. Nothing is added when the address would not change: restoring a view after Back writes the
 * same state again, and must not push it a second time.
 */
export function writeUrlState(url: UrlState): void {
  if (formatUrlState(url) === window.location.search.replace(/^\?/, '')) return;
  history.pushState(null, '', address(url));
}

/** Puts the state in the address bar without adding a history entry (the page's first state, normalised). */
export function replaceUrlState(url: UrlState): void {
  history.replaceState(null, '', address(url));
}
