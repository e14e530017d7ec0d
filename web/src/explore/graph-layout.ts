import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';

/**
 * Where the nodes go: a force-directed layout (cose) started from positions drawn from a random generator
 * seeded by the graph itself (its node ids), in id order. The same entities and relationships therefore give
 * the same picture on every load, whatever order the API listed them in, so a shared link shows what its
 * sender saw; cose itself draws no random numbers once no two nodes start on the same spot.
 */
const LAYOUT = {
  name: 'cose',
  animate: false,
  randomize: false,
  nodeRepulsion: () => 9000,
  idealEdgeLength: () => 90,
  nodeDimensionsIncludeLabels: true,
  // cose would fit the whole graph, the folded entities included (not hidden yet, and not placed): the
  // bounding box of every loaded element, style and label sizes computed for each, cost the hub's first draw
  // ~190 ms and framed nodes nobody sees. runLayout fits what it laid out instead.
  fit: false,
} as LayoutOptions;

/** Space around the graph when it is fitted into the view (px). */
const FIT_PADDING = 30;

/** The side of the square the starting positions are drawn in (model units; the view is fitted afterwards). */
const START_AREA = 1000;

/** A 32-bit FNV-1a hash: the seed from the graph's node ids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byId = (a: { id(): string }, b: { id(): string }) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);

/** A group node and the entities it folds, as the layout places them. */
export interface FoldedGroup {
  id: string;
  members: readonly string[];
}

/** Distance between neighbouring spots of the spiral folded or unfolded members are placed on (model units). */
const SPIRAL_STEP = 45;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * The i-th spot of a sunflower spiral around `centre`: evenly spread, never two on one spot, the first ones
 * closest, so the same members in the same order always land on the same spots.
 */
export function spiralSpot(centre: { x: number; y: number }, i: number): { x: number; y: number } {
  const r = SPIRAL_STEP * Math.sqrt(i + 1);
  const a = i * GOLDEN_ANGLE;
  return { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
}

/** Puts the unpinned members of each group on the spiral around its node (they are hidden while folded). */
function placeFolded(cy: Core, groups: readonly FoldedGroup[], pinned: ReadonlySet<string>): void {
  const placed = new Set<string>();
  cy.batch(() => {
    for (const g of groups) {
      const centre = cy.getElementById(g.id).position();
      g.members.forEach((id, i) => {
        // A member of two groups stays at its first group's spot.
        if (placed.has(id) || pinned.has(id)) return;
        placed.add(id);
        cy.getElementById(id).position(spiralSpot(centre, i));
      });
    }
  });
}

/**
 * Lays out the graph, the same way for the same graph: every element but the entities folded into groups
 * (hidden, and most of a hub's answer: laying them out was most of the hub's first draw, for nodes nobody
 * sees), which are then placed around their group's node. The `pinned` nodes stay where they are: they are
 * locked while cose runs (cose lays the others out around them) and draggable again afterwards.
 */
export function runLayout(
  cy: Core,
  pinned: ReadonlySet<string> = new Set(),
  folded: ReadonlySet<string> = new Set(),
  groups: readonly FoldedGroup[] = [],
): void {
  const out = cy.nodes().filter((n: NodeSingular) => folded.has(n.id()));
  const elements = cy.elements().not(out).not(out.connectedEdges()).sort(byId);
  const nodes = elements.nodes();
  const random = seededRandom(hash(nodes.map((n: NodeSingular) => n.id()).join('\n')));
  cy.batch(() => {
    nodes.forEach((n: NodeSingular) => {
      // Every node draws its two numbers, pinned or not, so a pin does not move where the others start.
      const start = { x: random() * START_AREA, y: random() * START_AREA };
      if (!pinned.has(n.id())) n.position(start);
    });
  });
  const locked = nodes.filter((n: NodeSingular) => pinned.has(n.id()));
  locked.lock();
  elements.layout(LAYOUT).run();
  locked.unlock();
  placeFolded(cy, groups, pinned);
  cy.fit(elements, FIT_PADDING);
}

/** Spacing of unfolded members along their arc, and between two arcs (model units). */
const ARC_STEP = 50;
const ARC_GAP = 70;

/**
 * Places the entities of a group just unfolded around its entity, outside what is drawn, on arcs centred on the
 * side where the group's node was (`from`); the rest of the graph stays put, and no force layout runs (cose with
 * the drawn nodes locked crowded the members against their entity). The same members in the same order and the
 * same drawing give the same places. `keep` (pinned members, members still folded into another group) are left
 * where they are. Call it after the hidden classes are brought up to date (the members shown).
 */
export function placeUnfolded(
  cy: Core,
  members: readonly string[],
  entity: string,
  from: { x: number; y: number },
  keep: ReadonlySet<string>,
): void {
  const free = new Set(members.filter((id) => !keep.has(id) && cy.getElementById(id).length > 0));
  const centre = cy.getElementById(entity).position();
  // Outside every node drawn (hidden ones aside) but the members themselves.
  let radius = 0;
  cy.nodes().forEach((n: NodeSingular) => {
    if (free.has(n.id()) || n.hasClass('hidden')) return;
    radius = Math.max(radius, Math.hypot(n.position('x') - centre.x, n.position('y') - centre.y));
  });
  radius += ARC_GAP;
  const facing = Math.atan2(from.y - centre.y, from.x - centre.x);
  const ids = members.filter((id) => free.has(id));
  cy.batch(() => {
    let i = 0;
    while (i < ids.length) {
      // As many as fit on this circle, spread on an arc centred on the group's side; the rest on the next one.
      const fit = Math.max(1, Math.floor((2 * Math.PI * radius) / ARC_STEP));
      const row = ids.slice(i, i + fit);
      const step = ARC_STEP / radius;
      row.forEach((id, k) => {
        const angle = facing + (k - (row.length - 1) / 2) * step;
        cy.getElementById(id).position({
          x: centre.x + radius * Math.cos(angle),
          y: centre.y + radius * Math.sin(angle),
        });
      });
      i += row.length;
      radius += ARC_GAP;
    }
  });
  cy.fit(cy.elements().not('.hidden'), FIT_PADDING);
}
