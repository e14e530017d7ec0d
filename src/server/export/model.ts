/**
 * What an export holds, whatever its format: entities with their kind, names and origin, and fact edges
 * each with every sentence that states it. The readers (GraphQL selections, the paged whole-graph read) fill
 * these; the serializers (graphml.ts, cytoscape.ts, csv.ts) only write them.
 */

/** One sentence stating a fact, with the article it is from. */
export interface ExportEvidence {
  quote: string;
  /** How directly the sentence states the fact, 0 to 1; null when the ingest recorded none. */
  confidence: number | null;
  articleId: string;
  /** Null only when the article was retracted after the fact was written (its id stays on the evidence). */
  articleTitle: string | null;
  articleUrl: string | null;
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
  articleDate: string | null;
  /** CURATED or EXTRACTED: the article's origin. */
  origin: string;
}

/** An entity: person, agency, organization, jurisdiction, program or event. */
export interface ExportNode {
  id: string;
  /** The GraphQL EntityKind, e.g. PERSON. */
  kind: string;
  name: string;
  aliases: string[];
  /** CURATED or EXTRACTED. */
  origin: string;
  /** An event's date (YYYY, YYYY-MM or YYYY-MM-DD); null for other kinds. */
  date: string | null;
}

/** A fact relationship: one edge per fact, however many relationships (curated, extracted) state it. */
export interface ExportEdge {
  /** Unique within one export: `from|type|to`, with `|2`, `|3`… for further facts of the same three. */
  id: string;
  type: string;
  from: string;
  to: string;
  /** CURATED when a curated article states it, else EXTRACTED. */
  origin: string;
  /** How many distinct articles state it. */
  sourceCount: number;
  /** Every sentence that states it, curated first. */
  evidence: ExportEvidence[];
}

/** An edge as a reader finds it, before the export gives it its id. */
export type FoundEdge = Omit<ExportEdge, 'id'>;

/** The formats the endpoint writes, by the last segment of its path. */
export const EXPORT_FORMATS = ['graphml', 'cytoscape', 'nodes.csv', 'edges.csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A serializer, written for streaming: `start`, then every node, then every edge, then `end`, each returning
 * the text to send. A format that holds only nodes (or only edges) returns '' for the others, and says so in
 * `needs` so the reader can skip them.
 */
export interface ExportWriter {
  start(): string;
  node(node: ExportNode): string;
  /** Called once between the last node and the first edge. */
  edgesStart(): string;
  edge(edge: ExportEdge): string;
  end(): string;
}

/** What a format is: how it is sent and what it needs read. */
export interface FormatSpec {
  contentType: string;
  /** File name ending, with its dot. */
  extension: string;
  needs: { nodes: boolean; edges: boolean };
  writer(): ExportWriter;
}
