import type { ExportEdge, ExportEvidence } from './model';

/**
 * How the flat formats (GraphML, CSV) hold a list: as JSON text, which keeps every item and every character
 * and which NetworkX, pandas or a spreadsheet formula can parse back. Cytoscape JSON holds real arrays.
 */
export function listText(values: readonly unknown[]): string {
  return JSON.stringify(values);
}

/** An edge's evidence as JSON text: one object per sentence, in the edge's order (curated first). */
export function evidenceText(edge: ExportEdge): string {
  return listText(edge.evidence);
}

/** The first evidence (a curated one when there is one), shown in its own columns for a quick read. */
export function firstEvidence(edge: ExportEdge): ExportEvidence | null {
  return edge.evidence[0] ?? null;
}
