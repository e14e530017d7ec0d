import type { Core } from 'cytoscape';
import { download } from './dom';
import type { ExplorerState } from './state';

/** Offers the whole graph as a PNG at twice the screen's resolution, named after the centre entity. */
export function exportPng(cy: Core, { url }: ExplorerState): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  download(blob, `${url.entity ?? 'graph'}.png`);
}
