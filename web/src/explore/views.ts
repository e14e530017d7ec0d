import { byId } from './dom';
import type { ExplorerState, ViewName } from './state';
import { writeUrlState } from './url-state';

/**
 * The page's tabs: each a <main> section and the header button that shows it (web/explore.html). A new tab adds
 * a row here, its name to ViewName, and what to do when it is shown to app.ts; a phone layout can restyle the
 * same sections.
 */
const VIEWS: Record<ViewName, { section: string; button: string }> = {
  graph: { section: 'graph-view', button: 'view-graph' },
  stances: { section: 'stances-view', button: 'view-stances' },
  path: { section: 'path-view', button: 'view-path' },
  reader: { section: 'reader-view', button: 'view-reader' },
};

/** Wires the tab buttons; `onShow` says what each tab does when it comes into sight. Returns `show`. */
export function createViews(state: ExplorerState, onShow: Record<ViewName, () => void>) {
  const names = Object.keys(VIEWS) as ViewName[];

  function show(view: ViewName): void {
    state.url.view = view;
    writeUrlState(state.url);
    for (const name of names) {
      byId(VIEWS[name].section).hidden = name !== view;
      byId(VIEWS[name].button).setAttribute('aria-pressed', String(name === view));
    }
    onShow[view]();
  }

  for (const name of names) byId(VIEWS[name].button).addEventListener('click', () => show(name));
  return { show };
}
