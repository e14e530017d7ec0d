import neo4j from 'neo4j-driver';
import type { Database, RoundTripCounter } from '../../core/database';
import { namedQuery } from '../../core/named-queries';
import { FACT_TYPES, KIND_LABEL_LIST, NODE_KINDS, graphqlKind } from '../../core/vocabulary';
import { compareEdges } from './edge-ids';
import type { ExportNode, FoundEdge } from './model';

/**
 * The whole graph, read page by page with a cursor on entity ids, so an export of any size holds one page in
 * memory and the response can be streamed while the next page is read. Each page is its own read: an export
 * taken during an ingest may show part of it (docs/exports.md).
 */

/** Entities per page of the node pass, and start entities per page of the edge pass (their edges come along). */
export const WHOLE_GRAPH_PAGE = { nodes: 2000, edgeStarts: 500 } as const;

interface NodeRow {
  id: string;
  labels: string[];
  name: string;
  aliases: string[];
  origin: string;
  date: string | null;
}

interface EdgeRow {
  type: string;
  from: string;
  to: string;
  origin: string;
  sources: string[];
  evidence: {
    quote: string;
    confidence: number | null;
    articleId: string;
    origin: string;
    article: { title: string | null; url: string | null; published: string | null; origin: string } | null;
  }[];
}

const upper = (origin: string): string => origin.toUpperCase();

/** The GraphQL EntityKind of a node from its labels (the vocabulary's kind labels). */
function kindOf(labels: string[]): string {
  const index = KIND_LABEL_LIST.findIndex((label) => labels.includes(label));
  return index < 0 ? 'UNKNOWN' : graphqlKind(NODE_KINDS[index]!);
}

function toNode(row: NodeRow): ExportNode {
  return {
    id: row.id,
    kind: kindOf(row.labels),
    name: row.name,
    aliases: row.aliases,
    origin: upper(row.origin),
    date: row.date ?? null,
  };
}

function toEdge(row: EdgeRow): FoundEdge {
  return {
    type: row.type,
    from: row.from,
    to: row.to,
    origin: upper(row.origin),
    sourceCount: new Set(row.sources).size,
    evidence: row.evidence.map((ev) => ({
      quote: ev.quote,
      confidence: ev.confidence ?? null,
      articleId: ev.articleId,
      articleTitle: ev.article?.title ?? null,
      articleUrl: ev.article?.url ?? null,
      articleDate: ev.article?.published ?? null,
      origin: upper(ev.article?.origin ?? ev.origin),
    })),
  };
}

/** Every entity, in id order, one page per read. */
export async function* wholeGraphNodes(
  db: Database,
  counter: RoundTripCounter,
  pageSize: number = WHOLE_GRAPH_PAGE.nodes,
): AsyncGenerator<ExportNode[]> {
  let after = '';
  for (;;) {
    // LIMIT takes an integer, and the driver would send a JavaScript number as a float.
    const rows = await db.read<NodeRow>(
      namedQuery('export/nodes-page'),
      { after, pageSize: neo4j.int(pageSize) },
      counter,
    );
    if (rows.length === 0) return;
    yield rows.map(toNode);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every fact edge, ordered by start id, then type and end, one page of start entities per read. */
export async function* wholeGraphEdges(
  db: Database,
  counter: RoundTripCounter,
  pageSize: number = WHOLE_GRAPH_PAGE.edgeStarts,
): AsyncGenerator<FoundEdge[]> {
  let after = '';
  for (;;) {
    const [row] = await db.read<{ last: string | null; edges: EdgeRow[] }>(
      namedQuery('export/edges-page'),
      { after, pageSize: neo4j.int(pageSize), types: [...FACT_TYPES] },
      counter,
    );
    if (!row || row.last === null) return;
    if (row.edges.length > 0) yield row.edges.map(toEdge).sort(compareEdges);
    after = row.last;
  }
}
