import type { StylesheetJson } from 'cytoscape';
import type { Kind } from './api';
import { ellipsize } from './label-fit';

/** How each kind of entity is drawn; the legend is built from the same table. */
export const KIND_STYLE: Record<Kind, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#2b6cb0', shape: 'ellipse', label: 'Person' },
  AGENCY: { color: '#c53030', shape: 'round-rectangle', label: 'Agency' },
  ORGANIZATION: { color: '#dd6b20', shape: 'hexagon', label: 'Organization' },
  JURISDICTION: { color: '#2f855a', shape: 'diamond', label: 'Jurisdiction' },
  PROGRAM: { color: '#6b46c1', shape: 'rectangle', label: 'Program' },
  EVENT: { color: '#b7791f', shape: 'triangle', label: 'Event' },
};

/** Node labels: their font (cytoscape's default family, given here so that labelText measures with it) and width. */
const LABEL_FONT_SIZE = 10;
const LABEL_FONT_FAMILY = 'Helvetica Neue, Helvetica, sans-serif';
export const LABEL_MAX_WIDTH = 120;

let measure: CanvasRenderingContext2D | null = null;
const cut = new Map<string, string>();

/** How wide `text` is drawn at `size` px in the labels' font, measured as cytoscape measures labels. */
export function textWidth(text: string, size: number): number {
  measure ??= document.createElement('canvas').getContext('2d')!;
  measure.font = `normal normal ${size}px ${LABEL_FONT_FAMILY}`;
  return Math.ceil(measure.measureText(text).width);
}

/** A node's label as drawn: cut with an ellipsis to LABEL_MAX_WIDTH, measured once per text. */
function labelText(label: string): string {
  let text = cut.get(label);
  if (text === undefined) {
    text = ellipsize(label, LABEL_MAX_WIDTH, (s) => textWidth(s, LABEL_FONT_SIZE));
    cut.set(label, text);
  }
  return text;
}

/** A group node's label size (px). */
export const GROUP_FONT_SIZE = 11;

/** The graph's cytoscape stylesheet: nodes take colour and shape from their data (KIND_STYLE). */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: (ele: { data(key: string): unknown }) => labelText(String(ele.data('label') ?? '')),
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 'data(size)',
      height: 'data(size)',
      'font-size': LABEL_FONT_SIZE,
      'font-family': LABEL_FONT_FAMILY,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      // Cut by labelText, not by cytoscape's ellipsis wrap (label-fit.ts says why).
      'text-wrap': 'none',
      color: '#1a202c',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.7,
    },
  },
  { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#1a202c' } },
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
  {
    // A folded part of a large neighbourhood (graph-groups.ts): a pale box that says how many.
    selector: 'node.group',
    style: {
      // A short label ("42 more OPPOSED →"), cut by cytoscape in the rare case it is too long.
      label: 'data(label)',
      'text-wrap': 'ellipsis',
      'text-max-width': `${LABEL_MAX_WIDTH}px`,
      shape: 'round-rectangle',
      'background-color': '#edf2f7',
      'border-width': 1,
      'border-color': '#4a5568',
      'border-style': 'dashed',
      // Its label's width, set by graph-view.ts: with `width: 'label'`, cytoscape cached a group node added
      // again (after another group was unfolded) as taking no space, and never drew it.
      width: 'data(width)',
      height: 22,
      padding: '6px',
      'text-valign': 'center',
      'text-margin-y': 0,
      'text-background-opacity': 0,
      'font-size': GROUP_FONT_SIZE,
    },
  },
  { selector: 'edge.group', style: { 'line-style': 'dashed', label: '' } },
  // A pinned node: a double border (the layout leaves it where it is).
  { selector: 'node.pinned', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#2d3748' } },
  { selector: '.hidden', style: { display: 'none' } },
];
