import { evidenceText, firstEvidence, listText } from './evidence-text';
import type { ExportEdge, ExportNode, ExportWriter, FormatSpec } from './model';

/**
 * RFC 4180 CSV: CRLF line ends, a header row, and a field quoted (its quotes doubled) when it holds a comma,
 * a quote or a line break. Values are written as they are, never altered: a quote that starts with "=" stays
 * one (a spreadsheet user should import the file as text, docs/exports.md).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvRow(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

const NODE_COLUMNS = ['id', 'kind', 'name', 'aliases', 'origin', 'date'];

/** nodes.csv: one row per entity; aliases as a JSON array. */
export function nodesCsvWriter(): ExportWriter {
  return {
    start: () => csvRow(NODE_COLUMNS),
    node: (n) => csvRow([n.id, n.kind, n.name, listText(n.aliases), n.origin, n.date]),
    edgesStart: () => '',
    edge: () => '',
    end: () => '',
  };
}

const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'origin',
  'source_count',
  'evidence_count',
  'quote',
  'article_id',
  'article_title',
  'article_url',
  'article_date',
  'evidence',
];

/**
 * edges.csv: one row per fact. The first evidence (curated first) has its own columns; `evidence` holds all
 * of them as a JSON array of {quote, confidence, articleId, articleTitle, articleUrl, articleDate, origin}.
 */
export function edgesCsvWriter(): ExportWriter {
  const row = (e: ExportEdge): string => {
    const first = firstEvidence(e);
    return csvRow([
      e.id,
      e.from,
      e.to,
      e.type,
      e.origin,
      e.sourceCount,
      e.evidence.length,
      first?.quote ?? null,
      first?.articleId ?? null,
      first?.articleTitle ?? null,
      first?.articleUrl ?? null,
      first?.articleDate ?? null,
      evidenceText(e),
    ]);
  };
  return {
    start: () => csvRow(EDGE_COLUMNS),
    node: (_n: ExportNode) => '',
    edgesStart: () => '',
    edge: row,
    end: () => '',
  };
}

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

export const NODES_CSV: FormatSpec = {
  contentType: CSV_TYPE,
  extension: '-nodes.csv',
  needs: { nodes: true, edges: false },
  writer: nodesCsvWriter,
};

export const EDGES_CSV: FormatSpec = {
  contentType: CSV_TYPE,
  extension: '-edges.csv',
  needs: { nodes: false, edges: true },
  writer: edgesCsvWriter,
};
