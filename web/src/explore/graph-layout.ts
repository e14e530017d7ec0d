import type { Core, LayoutOptions } from 'cytoscape';

/**
 * Where the nodes go: a force-directed layout started from random positions, so each run differs. A
 * deterministic layout replaces these options (or this function) and nothing else.
 */
const LAYOUT = {
  name: 'cose',
  animate: false,
  randomize: true,
  nodeRepulsion: () => 9000,
  idealEdgeLength: () => 90,
  nodeDimensionsIncludeLabels: true,
  padding: 30,
} as LayoutOptions;

/** Lays out every element of the graph. */
export function runLayout(cy: Core): void {
  cy.layout(LAYOUT).run();
}
