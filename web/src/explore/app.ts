import type { ExplorerActions } from './actions';
import { createDateFilter } from './date-filter';
import { byId } from './dom';
import { createGraphTab } from './graph-tab';
import { isGroupId } from './graph-groups';
import { createGraphView } from './graph-view';
import { startLive } from './live';
import { say } from './messages';
import { createNeighbourhood } from './neighbourhood';
import { createPathTab } from './path-tab';
import { createReader } from './reader';
import { interceptReaderLinks } from './reader-link';
import { createSearch } from './search';
import { createSidePanel } from './side-panel';
import { createStancesTab } from './stances-tab';
import { createExplorerState } from './state';
import { parseUrlState } from './url-params';
import { replaceUrlState } from './url-state';
import { createTooltip } from './tooltip';
import { createUndo } from './undo';
import { createViews } from './views';

// The explorer page (/explore) once main.ts has sent the first request: this module only builds the parts and
// connects them; each part is its own module.

const state = createExplorerState(parseUrlState(window.location.search));

// The parts reach one another through these actions, bound late: the side panel's buttons expand the graph,
// and opening an entity selects it in the side panel.
const actions: ExplorerActions = {
  openEntity: (id, keepExpanded) => neighbourhood.open(id, keepExpanded),
  expandNode: (id) => neighbourhood.expand(id),
  selectNode: (id) => panel.showEntity(id),
  selectEdge: (id) => panel.showEdge(id),
  selectGroup: (id) => {
    const g = graphTab.group(id);
    if (g) panel.showGroup(g);
  },
  openGroup: (id) => {
    const g = graphTab.group(id);
    if (!g) return;
    const from = graphView.position(id) ?? graphView.position(g.entity) ?? { x: 0, y: 0 };
    state.graph.openGroups.add(id);
    graphTab.regroup();
    graphTab.refresh();
    graphView.placeUnfolded(g.members, g.entity, from);
    undo.push(`showing the ${g.type} group`, () => {
      state.graph.openGroups.delete(id);
      graphTab.regroup();
      graphTab.refresh();
    });
    say(`Showing all ${g.members.length} ${g.type} of ${state.graph.nodes.get(g.entity)?.name ?? g.entity}.`);
    void actions.selectNode(g.entity);
  },
  showInGraph: (id) => {
    views.show('graph');
    void neighbourhood.open(id);
  },
  readArticle: (article, quote) => {
    state.url.article = article;
    state.url.quote = quote;
    views.show('reader');
  },
};

const graphView = createGraphView(byId('cy'), {
  tapNode: (id) => (isGroupId(id) ? actions.selectGroup(id) : void actions.selectNode(id)),
  tapEdge: (id) => void actions.selectEdge(id),
  doubleTapNode: (id) => (isGroupId(id) ? actions.openGroup(id) : void actions.expandNode(id)),
  hover: (target) => tooltip.hover(target),
  dragged: (id, from) => graphTab.dragged(id, from),
});
// After an undo the URL follows the graph (a pin or a hide taken back leaves the URL too).
const undo = createUndo(byId<HTMLButtonElement>('undo'), () => graphTab.record());
const graphTab = createGraphTab(state, graphView, actions, undo);
const tooltip = createTooltip(byId('graph-tip'), byId('cy'), state, (id) => graphTab.group(id));
const neighbourhood = createNeighbourhood({
  state,
  view: graphView,
  refresh: graphTab.refresh,
  regroup: graphTab.regroup,
  applyUrlView: graphTab.applyUrlView,
  selectNode: actions.selectNode,
  undo,
});
const panel = createSidePanel(byId('panel'), state, graphView, actions);
const stancesTab = createStancesTab(state, actions);
const pathTab = createPathTab(state, actions);
const dateFilter = createDateFilter(state, () => {
  graphTab.refresh();
  stancesTab.filterDates();
});
const reader = createReader(state);
createSearch(actions);
interceptReaderLinks(actions.readArticle);
const views = createViews(state, {
  graph: () => graphView.resize(),
  stances: stancesTab.show,
  path: pathTab.show,
  reader: () => void reader.show(),
});

// Back and Forward move through the views inside the page: each part catches up with the URL it finds.
window.addEventListener('popstate', () => {
  Object.assign(state.url, parseUrlState(window.location.search));
  graphTab.sync();
  dateFilter.sync();
  stancesTab.filterDates();
  views.show(state.url.view);
  void neighbourhood.sync();
});

replaceUrlState(state.url);
views.show(state.url.view);
// The page's code loaded and its parts built: from here it waits for the first answer (main.ts sent its request
// earlier), if that is still on its way. For bench:explore, as the other explore: marks.
performance.mark('explore:app');
if (state.url.entity) void actions.openEntity(state.url.entity, true);

// New facts without a reload: an article touching the entities on screen offers a refresh.
startLive({
  touches: (ids) => ids.some((id) => state.graph.nodes.has(id) || id === state.url.entity),
  refresh: () => {
    if (state.url.entity) void actions.openEntity(state.url.entity, true);
  },
});
