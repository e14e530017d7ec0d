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
  padding: 30,
} as LayoutOptions;

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

/**
 * Lays out every element of the graph, the same way for the same graph. The `pinned` nodes stay where they are:
 * they are locked while cose runs (cose lays the others out around them) and draggable again afterwards.
 */
export function runLayout(cy: Core, pinned: ReadonlySet<string> = new Set()): void {
  const elements = cy.elements().sort(byId);
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
}
