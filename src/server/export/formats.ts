import { CYTOSCAPE } from './cytoscape';
import { EDGES_CSV, NODES_CSV } from './csv';
import { GRAPHML } from './graphml';
import { EXPORT_FORMATS, type ExportFormat, type FormatSpec } from './model';

const SPECS: Record<ExportFormat, FormatSpec> = {
  graphml: GRAPHML,
  cytoscape: CYTOSCAPE,
  'nodes.csv': NODES_CSV,
  'edges.csv': EDGES_CSV,
};

/** The format named by the endpoint's last path segment, or null when there is none of that name. */
export function formatSpec(name: string): FormatSpec | null {
  return (EXPORT_FORMATS as readonly string[]).includes(name) ? SPECS[name as ExportFormat] : null;
}
