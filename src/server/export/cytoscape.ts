import type { ExportEdge, ExportNode, ExportWriter, FormatSpec } from './model';

/** A node element as Cytoscape.js (`cy.add`, `cytoscape({ elements })`) and Cytoscape's .cyjs import read it. */
function nodeElement(n: ExportNode): object {
  return { data: { id: n.id, name: n.name, kind: n.kind, aliases: n.aliases, origin: n.origin, date: n.date } };
}

/** An edge element; `interaction` is the column Cytoscape (desktop) names a relationship's type. */
function edgeElement(e: ExportEdge): object {
  return {
    data: {
      id: e.id,
      source: e.from,
      target: e.to,
      type: e.type,
      interaction: e.type,
      origin: e.origin,
      sourceCount: e.sourceCount,
      evidence: e.evidence,
    },
  };
}

/**
 * Cytoscape.js JSON: `{ elements: { nodes: [{ data }], edges: [{ data }] } }`, written element by element so
 * the whole graph never has to be one string. Evidence is a real array of objects here.
 */
export function cytoscapeWriter(): ExportWriter {
  let nodes = 0;
  let edges = 0;
  return {
    start: () =>
      '{"format_version":"1.0","generated_by":"sanctuary-graph","data":{"name":"sanctuary-graph"},' +
      '"elements":{"nodes":[',
    node: (n) => `${nodes++ === 0 ? '\n' : ',\n'}${JSON.stringify(nodeElement(n))}`,
    edgesStart: () => '\n],"edges":[',
    edge: (e) => `${edges++ === 0 ? '\n' : ',\n'}${JSON.stringify(edgeElement(e))}`,
    end: () => '\n]}}\n',
  };
}

export const CYTOSCAPE: FormatSpec = {
  contentType: 'application/json; charset=utf-8',
  extension: '.cyjs.json',
  needs: { nodes: true, edges: true },
  writer: cytoscapeWriter,
};
