import { evidenceText, firstEvidence, listText } from './evidence-text';
import type { ExportEdge, ExportNode, ExportWriter, FormatSpec } from './model';
import { xmlAttribute, xmlText } from './xml';

type AttributeType = 'string' | 'int' | 'double';

interface Key<T> {
  id: string;
  name: string;
  type: AttributeType;
  value(item: T): string | number | null;
}

/**
 * Node attributes. `label` repeats the name because Gephi and yEd take a node's caption from the attribute
 * of that name; lists are JSON text (evidence-text.ts).
 */
const NODE_KEYS: Key<ExportNode>[] = [
  { id: 'n_label', name: 'label', type: 'string', value: (n) => n.name },
  { id: 'n_kind', name: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'n_name', name: 'name', type: 'string', value: (n) => n.name },
  { id: 'n_aliases', name: 'aliases', type: 'string', value: (n) => listText(n.aliases) },
  { id: 'n_origin', name: 'origin', type: 'string', value: (n) => n.origin },
  { id: 'n_date', name: 'date', type: 'string', value: (n) => n.date },
];

/**
 * Edge attributes: the fact, the first evidence in its own attributes, and all of it as JSON text.
 * `weight` (Gephi's edge thickness) is the number of distinct articles stating the fact.
 */
const EDGE_KEYS: Key<ExportEdge>[] = [
  { id: 'e_label', name: 'label', type: 'string', value: (e) => e.type },
  { id: 'e_type', name: 'type', type: 'string', value: (e) => e.type },
  { id: 'e_origin', name: 'origin', type: 'string', value: (e) => e.origin },
  { id: 'e_sourceCount', name: 'sourceCount', type: 'int', value: (e) => e.sourceCount },
  { id: 'e_weight', name: 'weight', type: 'double', value: (e) => e.sourceCount },
  { id: 'e_evidenceCount', name: 'evidenceCount', type: 'int', value: (e) => e.evidence.length },
  { id: 'e_quote', name: 'quote', type: 'string', value: (e) => firstEvidence(e)?.quote ?? null },
  { id: 'e_articleId', name: 'articleId', type: 'string', value: (e) => firstEvidence(e)?.articleId ?? null },
  { id: 'e_articleTitle', name: 'articleTitle', type: 'string', value: (e) => firstEvidence(e)?.articleTitle ?? null },
  { id: 'e_articleUrl', name: 'articleUrl', type: 'string', value: (e) => firstEvidence(e)?.articleUrl ?? null },
  { id: 'e_articleDate', name: 'articleDate', type: 'string', value: (e) => firstEvidence(e)?.articleDate ?? null },
  { id: 'e_evidence', name: 'evidence', type: 'string', value: (e) => evidenceText(e) },
];

function keyLine(key: Key<unknown>, target: 'node' | 'edge'): string {
  return `  <key id="${key.id}" for="${target}" attr.name="${key.name}" attr.type="${key.type}"/>\n`;
}

/** The item's <data> elements; an absent value (null) has none, as GraphML means "no value". */
function dataLines<T>(keys: Key<T>[], item: T): string {
  return keys
    .map((key) => {
      const value = key.value(item);
      return value === null ? '' : `      <data key="${key.id}">${xmlText(String(value))}</data>\n`;
    })
    .join('');
}

/** A GraphML document (http://graphml.graphdrawing.org/), directed, keys declared with their types. */
export function graphmlWriter(): ExportWriter {
  return {
    start: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      NODE_KEYS.map((k) => keyLine(k as Key<unknown>, 'node')).join('') +
      EDGE_KEYS.map((k) => keyLine(k as Key<unknown>, 'edge')).join('') +
      '  <graph id="sanctuary-graph" edgedefault="directed">\n',
    node: (n) => `    <node id="${xmlAttribute(n.id)}">\n${dataLines(NODE_KEYS, n)}    </node>\n`,
    edgesStart: () => '',
    edge: (e) =>
      `    <edge id="${xmlAttribute(e.id)}" source="${xmlAttribute(e.from)}" target="${xmlAttribute(e.to)}">\n` +
      `${dataLines(EDGE_KEYS, e)}    </edge>\n`,
    end: () => '  </graph>\n</graphml>\n',
  };
}

export const GRAPHML: FormatSpec = {
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: '.graphml',
  needs: { nodes: true, edges: true },
  writer: graphmlWriter,
};
