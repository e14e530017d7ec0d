import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import './explore.css';
import {
  ApiError,
  DETAILS,
  EDGE_EVIDENCE,
  type Details,
  type EntityRef,
  type Evidence,
  type GraphEdge,
  gql,
  NEIGHBORHOOD,
  SEARCH,
  STANCES,
  type StanceRow,
  type Subgraph,
} from './api';
import { byId, download, el } from './dom';
import { KIND_STYLE } from './style';

/** What the page shows, kept in the URL so a view can be shared. */
interface State {
  entity: string | null;
  depth: number;
  expanded: string[];
  hidden: string[];
  view: 'graph' | 'stances';
  kind: string;
  actionBy: string;
}

function readState(): State {
  const q = new URLSearchParams(window.location.search);
  const list = (name: string) => (q.get(name) ?? '').split(',').filter(Boolean);
  const depth = Number(q.get('depth'));
  return {
    entity: q.get('entity'),
    depth: depth >= 1 && depth <= 3 ? depth : 1,
    expanded: list('expand'),
    hidden: list('hide'),
    view: q.get('view') === 'stances' ? 'stances' : 'graph',
    kind: q.get('kind') === 'SUPPORTED' ? 'SUPPORTED' : 'OPPOSED',
    actionBy: q.get('actionBy') ?? '',
  };
}

const state = readState();

function writeState(): void {
  const q = new URLSearchParams();
  if (state.view === 'stances') {
    q.set('view', 'stances');
    q.set('kind', state.kind);
    if (state.actionBy) q.set('actionBy', state.actionBy);
  }
  if (state.entity) q.set('entity', state.entity);
  if (state.depth !== 1) q.set('depth', String(state.depth));
  if (state.expanded.length) q.set('expand', state.expanded.join(','));
  if (state.hidden.length) q.set('hide', state.hidden.join(','));
  const search = q.toString();
  history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

// ---- messages ----

const message = byId('message');
function say(text: string, kind: 'info' | 'error' = 'info'): void {
  message.textContent = text;
  message.className = kind;
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}
function fail(err: unknown): void {
  say(err instanceof ApiError ? err.message : `Something went wrong: ${(err as Error).message}`, 'error');
}

// ---- the graph ----

const nodes = new Map<string, EntityRef>();
const edges = new Map<string, GraphEdge>();
const edgeId = (e: GraphEdge) => `${e.from}|${e.type}|${e.to}`;

const cy: Core = cytoscape({
  container: byId('cy'),
  minZoom: 0.1,
  maxZoom: 4,
  wheelSensitivity: 0.3,
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': 'data(color)',
        shape: 'data(shape)' as never,
        width: 26,
        height: 26,
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        color: '#1a202c',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
      },
    },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#1a202c', width: 34, height: 34 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'line-color': '#a0aec0',
        'target-arrow-color': '#a0aec0',
        label: 'data(type)',
        'font-size': 7,
        color: '#4a5568',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    {
      selector: ':selected',
      style: { 'border-width': 4, 'border-color': '#d53f8c', 'line-color': '#d53f8c', 'target-arrow-color': '#d53f8c' },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ],
});
// For debugging in the console and for the browser tests.
(window as unknown as { explorer: unknown }).explorer = { cy };

function nodeLabel(n: EntityRef): string {
  return n.kind === 'EVENT' && n.date ? `${n.name} (${n.date})` : n.name;
}

/** Adds a subgraph's nodes and edges that are not yet shown; returns how many were new. */
function merge(graph: Subgraph): number {
  const added: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    if (nodes.has(n.id)) continue;
    nodes.set(n.id, n);
    const style = KIND_STYLE[n.kind];
    added.push({
      group: 'nodes',
      data: { id: n.id, label: nodeLabel(n), kind: n.kind, color: style.color, shape: style.shape },
    });
  }
  for (const e of graph.edges) {
    const id = edgeId(e);
    if (edges.has(id) || !nodes.has(e.from) || !nodes.has(e.to)) continue;
    edges.set(id, e);
    added.push({ group: 'edges', data: { id, source: e.from, target: e.to, type: e.type } });
  }
  cy.add(added);
  return added.length;
}

function layout(): void {
  cy.layout({
    name: 'cose',
    animate: false,
    randomize: true,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 90,
    nodeDimensionsIncludeLabels: true,
    padding: 30,
  } as cytoscape.LayoutOptions).run();
}

function applyTypeFilter(): void {
  const hidden = new Set(state.hidden);
  cy.batch(() => {
    cy.edges().forEach((e) => {
      e.toggleClass('hidden', hidden.has(e.data('type') as string));
    });
    // A node stays when it is the focus or still has a shown relationship.
    cy.nodes().forEach((n) => {
      const shown = n.id() === state.entity || n.connectedEdges().filter((e) => !e.hasClass('hidden')).length > 0;
      n.toggleClass('hidden', !shown);
    });
  });
  renderTypeFilter();
  renderList();
}

function renderTypeFilter(): void {
  const box = byId('type-filter');
  box.querySelectorAll('label').forEach((l) => l.remove());
  const types = [...new Set([...edges.values()].map((e) => e.type)), ...state.hidden].sort();
  for (const type of new Set(types)) {
    const input = el('input', { type: 'checkbox', value: type, 'aria-label': `Show ${type} relationships` });
    input.checked = !state.hidden.includes(type);
    input.addEventListener('change', () => {
      state.hidden = input.checked ? state.hidden.filter((t) => t !== type) : [...state.hidden, type];
      writeState();
      applyTypeFilter();
    });
    box.append(el('label', {}, input, ` ${type}`));
  }
}

function renderLegend(): void {
  const legend = byId('legend');
  for (const style of Object.values(KIND_STYLE)) {
    legend.append(
      el(
        'li',
        {},
        el('span', { class: `swatch ${style.shape}`, style: `background:${style.color}`, 'aria-hidden': 'true' }),
        ` ${style.label}`,
      ),
    );
  }
}

/** The keyboard way through the graph: every shown node with Details and Expand buttons. */
function renderList(): void {
  const list = byId('node-list');
  list.replaceChildren();
  for (const n of [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (cy.getElementById(n.id).hasClass('hidden')) continue;
    const details = el('button', { type: 'button' }, nodeLabel(n));
    details.addEventListener('click', () => selectNode(n.id));
    const expand = el('button', { type: 'button', 'aria-label': `Expand ${n.name}` }, 'Expand');
    expand.addEventListener('click', () => void expandNode(n.id));
    const rels = el('ul', {});
    for (const e of edges.values()) {
      if (e.from !== n.id || state.hidden.includes(e.type)) continue;
      const b = el('button', { type: 'button' }, `${e.type} → ${nodes.get(e.to)?.name ?? e.to}`);
      b.addEventListener('click', () => void selectEdge(edgeId(e)));
      rels.append(el('li', {}, b));
    }
    list.append(el('li', {}, details, ' ', el('span', { class: 'kind' }, n.kind), ' ', expand, rels));
  }
}

async function fetchNeighborhood(id: string): Promise<Subgraph> {
  const data = await gql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id, depth: state.depth });
  return data.neighborhood;
}

/** Shows an entity's neighbourhood afresh, then re-expands the nodes the URL names. */
async function openEntity(id: string, keepExpanded = false): Promise<void> {
  state.entity = id;
  if (!keepExpanded) state.expanded = [];
  writeState();
  say('Loading the neighbourhood…');
  try {
    const graphs = await Promise.all([id, ...state.expanded].map(fetchNeighborhood));
    nodes.clear();
    edges.clear();
    cy.elements().remove();
    for (const g of graphs) merge(g);
    if (nodes.size === 0) {
      say(`No entity with id "${id}".`, 'error');
      return;
    }
    cy.nodes().removeClass('focus');
    cy.getElementById(id).addClass('focus');
    layout();
    applyTypeFilter();
    const focus = nodes.get(id);
    say(`${focus?.name ?? id}: ${nodes.size} entities, ${edges.size} relationships.`);
    byId('cy').dataset.ready = 'true';
    await selectNode(id);
  } catch (err) {
    fail(err);
  }
}

async function expandNode(id: string): Promise<void> {
  say(`Expanding ${nodes.get(id)?.name ?? id}…`);
  try {
    const added = merge(await fetchNeighborhood(id));
    if (!state.expanded.includes(id) && id !== state.entity) state.expanded.push(id);
    writeState();
    layout();
    applyTypeFilter();
    say(
      added
        ? `Added ${added} elements around ${nodes.get(id)?.name ?? id}.`
        : `Nothing new around ${nodes.get(id)?.name ?? id}.`,
    );
  } catch (err) {
    fail(err);
  }
}

// ---- the side panel ----

/** A quote between quotation marks, unless the sentence already starts with one. */
function quoted(text: string): string {
  return /^["“'‘]/.test(text) ? text : `“${text}”`;
}

const panel = byId('panel');
/** Bumped on every selection: a slower answer for an earlier selection is then dropped. */
let panelSeq = 0;

function evidenceList(evidence: Evidence[]): HTMLElement {
  const list = el('ul', { class: 'evidence' });
  for (const ev of evidence) {
    const a = ev.article;
    const title = a.url
      ? el('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.title)
      : el('span', {}, a.title);
    list.append(
      el(
        'li',
        {},
        el('blockquote', {}, quoted(ev.quote)),
        el(
          'p',
          { class: 'source' },
          '— ',
          title,
          [a.source, a.published].filter(Boolean).length
            ? ` (${[a.source, a.published].filter(Boolean).join(', ')})`
            : '',
        ),
      ),
    );
  }
  return list;
}

/** Loads an edge's evidence from either end's neighbourhood, once. */
async function loadEvidence(e: GraphEdge): Promise<Evidence[]> {
  if (e.evidence) return e.evidence;
  for (const end of [e.from, e.to]) {
    const data = await gql<{ neighborhood: { edges: GraphEdge[] } }>(EDGE_EVIDENCE, { id: end, type: e.type });
    const found = data.neighborhood.edges.find((x) => x.from === e.from && x.to === e.to && x.type === e.type);
    if (found?.evidence) {
      e.evidence = found.evidence;
      return e.evidence;
    }
  }
  e.evidence = [];
  return e.evidence;
}

async function selectEdge(id: string): Promise<void> {
  const e = edges.get(id);
  if (!e) return;
  cy.elements().unselect();
  cy.getElementById(id).select();
  const from = nodes.get(e.from)?.name ?? e.from;
  const to = nodes.get(e.to)?.name ?? e.to;
  const title = el('h2', {}, `${from} ${e.type} ${to}`);
  const seq = ++panelSeq;
  panel.replaceChildren(title, el('p', {}, 'Loading the evidence…'));
  try {
    const evidence = await loadEvidence(e);
    if (seq !== panelSeq) return;
    panel.replaceChildren(
      title,
      el('p', {}, `${evidence.length} piece${evidence.length === 1 ? '' : 's'} of evidence`),
      evidenceList(evidence),
    );
  } catch (err) {
    if (seq !== panelSeq) return;
    panel.replaceChildren(title, el('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  }
}

async function selectNode(id: string): Promise<void> {
  cy.elements().unselect();
  cy.getElementById(id).select();
  const known = nodes.get(id);
  const seq = ++panelSeq;
  panel.replaceChildren(el('h2', {}, known?.name ?? id), el('p', {}, 'Loading…'));
  try {
    const { entity, timeline } = await gql<Details>(DETAILS, { id });
    if (seq !== panelSeq) return;
    if (!entity) {
      panel.replaceChildren(el('p', {}, `No entity with id "${id}".`));
      return;
    }
    const facts = el('dl', {});
    const fact = (k: string, v: string | null | undefined) => {
      if (v) facts.append(el('dt', {}, k), el('dd', {}, v));
    };
    fact('Kind', entity.kind);
    fact('Id', entity.id);
    fact('Type', entity.type ?? entity.eventType);
    fact('Date', entity.date);
    fact('Also called', entity.aliases.join(', '));
    fact('Description', entity.description ?? entity.summary);
    const expand = el('button', { type: 'button' }, 'Expand');
    expand.addEventListener('click', () => void expandNode(id));
    const center = el('button', { type: 'button' }, 'Make it the centre');
    center.addEventListener('click', () => void openEntity(id));
    const events = el('ol', { class: 'timeline' });
    for (const t of timeline) {
      const b = el('button', { type: 'button', class: 'linkish' }, t.name);
      b.addEventListener('click', () => void openEntity(t.id));
      events.append(el('li', {}, el('time', {}, t.date ?? 'undated'), ' ', b, ` (${t.eventType})`));
    }
    panel.replaceChildren(
      el('h2', {}, entity.name),
      facts,
      el('p', {}, expand, ' ', center),
      el('h3', {}, 'Timeline'),
      timeline.length ? events : el('p', {}, 'No dated events.'),
    );
  } catch (err) {
    if (seq !== panelSeq) return;
    panel.replaceChildren(el('p', { class: 'error' }, err instanceof Error ? err.message : String(err)));
  }
}

cy.on('tap', 'node', (evt) => void selectNode(evt.target.id() as string));
cy.on('tap', 'edge', (evt) => void selectEdge(evt.target.id() as string));
cy.on('dbltap', 'node', (evt) => void expandNode(evt.target.id() as string));

// ---- search ----

const results = byId<HTMLUListElement>('results');
byId('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = byId<HTMLInputElement>('search-text').value.trim();
  const kind = byId<HTMLSelectElement>('search-kind').value;
  if (!text) {
    say('Type a name to search for.');
    return;
  }
  say('Searching…');
  try {
    const { search } = await gql<{ search: EntityRef[] }>(SEARCH, { text, kinds: kind ? [kind] : null });
    results.replaceChildren();
    results.hidden = search.length === 0;
    if (search.length === 0) {
      say(`No entity matches “${text}”${kind ? ` among ${kind}` : ''}.`);
      return;
    }
    for (const hit of search) {
      const b = el(
        'button',
        { type: 'button' },
        nodeLabel(hit),
        ' ',
        el('span', { class: `kind kind-${hit.kind}` }, hit.kind),
      );
      b.addEventListener('click', () => {
        results.hidden = true;
        showView('graph');
        void openEntity(hit.id);
      });
      results.append(el('li', {}, b));
    }
    say(`${search.length} match${search.length === 1 ? '' : 'es'} for “${text}”.`);
    (results.querySelector('button') as HTMLButtonElement | null)?.focus();
  } catch (err) {
    fail(err);
  }
});

// ---- controls ----

const depth = byId<HTMLSelectElement>('depth');
depth.value = String(state.depth);
depth.addEventListener('change', () => {
  state.depth = Number(depth.value);
  writeState();
  if (state.entity) void openEntity(state.entity, true);
});
byId('relayout').addEventListener('click', layout);
byId('export-png').addEventListener('click', () => {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  download(blob, `${state.entity ?? 'graph'}.png`);
});
byId('export-json').addEventListener('click', () => {
  const json = JSON.stringify(
    { center: state.entity, depth: state.depth, nodes: [...nodes.values()], edges: [...edges.values()] },
    null,
    2,
  );
  download(new Blob([json], { type: 'application/json' }), `${state.entity ?? 'graph'}.json`);
});

// ---- stances ----

let stanceRows: StanceRow[] = [];
let sortKey = 'date';
let sortAsc = true;

const sortValue: Record<string, (r: StanceRow) => string> = {
  actor: (r) => r.actor.name,
  kind: (r) => r.kind,
  action: (r) => r.target.name,
  date: (r) => r.target.date ?? '\uffff',
  quote: (r) => r.evidence[0]?.quote ?? '',
  article: (r) => r.evidence[0]?.article.title ?? '',
};

function renderStances(): void {
  const key = sortValue[sortKey]!;
  const rows = [...stanceRows].sort((a, b) => key(a).localeCompare(key(b)) * (sortAsc ? 1 : -1));
  const body = byId('stances-table').querySelector('tbody')!;
  body.replaceChildren();
  for (const r of rows) {
    const actor = el(
      'button',
      { type: 'button', class: 'linkish', 'aria-label': `Show ${r.actor.name} in the graph` },
      r.actor.name,
    );
    actor.addEventListener('click', () => {
      showView('graph');
      void openEntity(r.actor.id);
    });
    const ev = r.evidence[0];
    const article = ev
      ? ev.article.url
        ? el('a', { href: ev.article.url, target: '_blank', rel: 'noopener noreferrer' }, ev.article.title)
        : ev.article.title
      : '';
    body.append(
      el(
        'tr',
        {},
        el('td', {}, actor),
        el('td', {}, r.kind.toLowerCase()),
        el('td', {}, r.target.name),
        el('td', {}, r.target.date ?? ''),
        el('td', {}, ev ? quoted(ev.quote) : '', r.evidence.length > 1 ? ` (+${r.evidence.length - 1} more)` : ''),
        el('td', {}, article, ev?.article.published ? ` (${ev.article.published})` : ''),
      ),
    );
  }
  byId('stances-table')
    .querySelectorAll('th')
    .forEach((th) => {
      const k = th.querySelector('button')?.dataset.sort;
      th.setAttribute('aria-sort', k === sortKey ? (sortAsc ? 'ascending' : 'descending') : 'none');
    });
}

async function loadStances(): Promise<void> {
  say('Loading stances…');
  try {
    const { stances } = await gql<{ stances: StanceRow[] }>(STANCES, {
      kind: state.kind,
      actionBy: state.actionBy || null,
    });
    stanceRows = stances;
    renderStances();
    say(
      stances.length
        ? `${stances.length} stances.`
        : `No ${state.kind.toLowerCase()} stances${state.actionBy ? ` on actions by “${state.actionBy}”` : ''}.`,
    );
  } catch (err) {
    fail(err);
  }
}

const stanceKind = byId<HTMLSelectElement>('stance-kind');
const stanceActionBy = byId<HTMLInputElement>('stance-action-by');
stanceKind.value = state.kind;
stanceActionBy.value = state.actionBy;
byId('stances-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.kind = stanceKind.value;
  state.actionBy = stanceActionBy.value.trim();
  writeState();
  void loadStances();
});
byId('stances-table')
  .querySelectorAll<HTMLButtonElement>('th button')
  .forEach((b) =>
    b.addEventListener('click', () => {
      const k = b.dataset.sort!;
      sortAsc = k === sortKey ? !sortAsc : true;
      sortKey = k;
      renderStances();
    }),
  );

// ---- views ----

function showView(view: 'graph' | 'stances'): void {
  state.view = view;
  writeState();
  byId('graph-view').hidden = view !== 'graph';
  byId('stances-view').hidden = view !== 'stances';
  byId('view-graph').setAttribute('aria-pressed', String(view === 'graph'));
  byId('view-stances').setAttribute('aria-pressed', String(view === 'stances'));
  if (view === 'graph') cy.resize();
  if (view === 'stances' && stanceRows.length === 0) void loadStances();
}
byId('view-graph').addEventListener('click', () => showView('graph'));
byId('view-stances').addEventListener('click', () => showView('stances'));

// ---- start ----

renderLegend();
showView(state.view);
if (state.entity) void openEntity(state.entity, true);
