import { ApiError } from './api';
import { download } from './dom';
import { edgeId } from './graph-data';
import { fail, say } from './messages';
import type { ExplorerState } from './state';

/** The service's export formats (GET /export/{format}, docs/exports.md) and the buttons that offer them. */
export const EXPORT_BUTTONS = [
  { button: 'export-graphml', format: 'graphml' },
  { button: 'export-cytoscape', format: 'cytoscape' },
  { button: 'export-nodes-csv', format: 'nodes.csv' },
  { button: 'export-edges-csv', format: 'edges.csv' },
] as const;

/** The explorer's own neighbourhood query has these bounds (api.ts NEIGHBORHOOD), so the export is the same graph. */
const FIRST = 100;

/** The export address of an entity's neighbourhood at the page's depth. */
export function neighbourhoodExportUrl(format: string, id: string, depth: number): string {
  const q = new URLSearchParams({ select: 'neighborhood', id, depth: String(depth), first: String(FIRST) });
  return `/export/${format}?${q.toString()}`;
}

/** Fetches an export, or throws ApiError with the service's message (a bad parameter, an unknown id). */
async function fetchExport(url: string): Promise<Response> {
  const response = await fetch(url);
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
  throw new ApiError(body?.errors?.[0]?.message ?? `The export answered HTTP ${response.status}.`);
}

/** The file name the service gives in Content-Disposition, else a fallback. */
function fileName(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * Downloads the centre entity's neighbourhood in a service format, evidence included. Nodes expanded by hand
 * are not part of it (the JSON export below has them): the file is the neighbourhood the URL names.
 */
export async function exportFormat(format: string, { url }: ExplorerState): Promise<void> {
  if (!url.entity) {
    say('Open an entity first: the export is its neighbourhood.');
    return;
  }
  try {
    const response = await fetchExport(neighbourhoodExportUrl(format, url.entity, url.depth));
    download(await response.blob(), fileName(response, `${url.entity}-${format}`));
  } catch (err) {
    fail(err);
  }
}

interface CytoscapeEdges {
  elements: { edges: { data: { source: string; type: string; target: string; evidence: unknown[] } }[] };
}

/**
 * The loaded entities and relationships as JSON, each relationship with its evidence: read from the
 * Cytoscape export of the same neighbourhoods the graph was drawn from (the centre and each expanded node).
 */
export async function exportJsonWithEvidence({ url, graph }: ExplorerState): Promise<void> {
  say('Gathering the evidence of every relationship…');
  try {
    const evidence = new Map<string, unknown[]>();
    for (const id of [url.entity, ...url.expanded].filter((x): x is string => Boolean(x))) {
      const json = (await (
        await fetchExport(neighbourhoodExportUrl('cytoscape', id, url.depth))
      ).json()) as CytoscapeEdges;
      for (const { data } of json.elements.edges) {
        const key = edgeId({ from: data.source, type: data.type, to: data.target });
        evidence.set(key, [...(evidence.get(key) ?? []), ...data.evidence]);
      }
    }
    const edges = [...graph.edges.entries()].map(([key, e]) => ({
      type: e.type,
      from: e.from,
      to: e.to,
      evidence: evidence.get(key) ?? [],
    }));
    const text = JSON.stringify(
      { center: url.entity, depth: url.depth, expanded: url.expanded, nodes: [...graph.nodes.values()], edges },
      null,
      2,
    );
    download(new Blob([text], { type: 'application/json' }), `${url.entity ?? 'graph'}.json`);
    say(`Exported ${graph.nodes.size} entities and ${edges.length} relationships with their evidence.`);
  } catch (err) {
    fail(err);
  }
}
