import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoundTripCounter } from '../../../src/core/database';
import { FACT_TYPES } from '../../../src/core/vocabulary';
import { wholeGraphEdges, wholeGraphNodes } from '../../../src/server/export/whole-graph';
import { testConfig, testDatabase } from '../../support/database';
import { readExport } from '../../support/read-export';
import { type Api, type AnyData, apiFor, dataOf, seedCorpus, startApi } from './support';

/** A download as a client gets it. */
interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  text: string;
}

async function download(api: Api, path: string): Promise<Download> {
  const response = await fetch(`${api.app.url}${path}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
}

interface CytoscapeJson {
  elements: { nodes: { data: AnyData }[]; edges: { data: AnyData }[] };
}

const EDGE_FIELDS = 'type from to origin evidence { quote article { id title url published origin } }';

/** The exports of the seed graph compared with the API's own answers and with the database. */
describe('GET /export on the seed graph', () => {
  // The test's own GraphQL query of a neighborhood with evidence costs more than the default limit allows a
  // client; the export runs a fixed selection within the fields' bounds (docs/exports.md).
  const api = apiFor(seedCorpus, () => testConfig({ MAX_QUERY_COST: '20000' }));
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Saves a download to a file the Python readers open. */
  async function saved(name: string, body: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, body, 'utf8');
    return path;
  }

  describe('a neighborhood', () => {
    const params = 'select=neighborhood&id=eric-garcetti&depth=2';
    let answer: { nodes: AnyData[]; edges: AnyData[] };
    beforeAll(async () => {
      const data = dataOf(
        await api.query(`{ neighborhood(id: "eric-garcetti", depth: 2) {
          nodes { id kind name aliases origin } edges { ${EDGE_FIELDS} } } }`),
      );
      answer = data.neighborhood;
    });

    it('is a real neighborhood of several nodes and edges (what the comparisons below rely on)', () => {
      expect(answer.nodes.length).toBeGreaterThan(5);
      expect(answer.edges.length).toBeGreaterThan(5);
    });

    it('as GraphML opens in NetworkX with the same nodes, edges and evidence as the API answers', async () => {
      const res = await download(api, `/export/graphml?${params}`);
      expect(res.status).toBe(200);
      expect(res.contentType).toBe('application/graphml+xml; charset=utf-8');
      expect(res.disposition).toBe('attachment; filename="neighborhood-eric-garcetti-depth2.graphml"');
      const g = await readExport('graphml', await saved('n.graphml', res.text));
      expect({ nodes: g.nodes, edges: g.edges, directed: g.directed }).toEqual({
        nodes: answer.nodes.length,
        edges: answer.edges.length,
        directed: true,
      });
      expect(Object.keys(g.nodeData).sort()).toEqual(answer.nodes.map((n) => n.id).sort());
      for (const n of answer.nodes) {
        expect(g.nodeData[n.id]).toMatchObject({ kind: n.kind, name: n.name, label: n.name, origin: n.origin });
        expect(JSON.parse(g.nodeData[n.id]!.aliases as string)).toEqual(n.aliases);
      }
      const key = (e: AnyData): string => `${e.from ?? e.source}|${e.type}|${e.to ?? e.target}`;
      const byKey = new Map(g.edgeData.map((e) => [key(e), e]));
      for (const e of answer.edges) {
        const read = byKey.get(key(e));
        expect(read).toMatchObject({ type: e.type, origin: e.origin, evidenceCount: e.evidence.length });
        const evidence = JSON.parse(read!.evidence as string) as AnyData[];
        expect(evidence.map((ev) => [ev.quote, ev.articleId, ev.articleTitle, ev.articleDate, ev.origin])).toEqual(
          e.evidence.map((ev: AnyData) => [
            ev.quote,
            ev.article.id,
            ev.article.title,
            ev.article.published,
            ev.article.origin,
          ]),
        );
      }
    });

    it('as Cytoscape.js JSON has the same nodes and edges, each edge with its evidence', async () => {
      const res = await download(api, `/export/cytoscape?${params}`);
      expect(res.status).toBe(200);
      expect(res.contentType).toBe('application/json; charset=utf-8');
      expect(res.disposition).toBe('attachment; filename="neighborhood-eric-garcetti-depth2.cyjs.json"');
      const { elements } = JSON.parse(res.text) as CytoscapeJson;
      expect(elements.nodes.map((n) => n.data.id).sort()).toEqual(answer.nodes.map((n) => n.id).sort());
      expect(elements.edges).toHaveLength(answer.edges.length);
      const ids = new Set(elements.nodes.map((n) => n.data.id));
      for (const { data } of elements.edges) {
        expect(ids.has(data.source) && ids.has(data.target)).toBe(true);
        expect(data.evidence.length).toBeGreaterThan(0);
        expect(data.evidence[0]).toEqual(
          expect.objectContaining({ quote: expect.any(String), articleId: expect.any(String) }),
        );
      }
      expect(new Set(elements.edges.map((e) => e.data.id)).size).toBe(elements.edges.length);
    });

    it('as CSV reads back in Python with one row per node and one per edge, evidence included', async () => {
      const nodes = await download(api, `/export/nodes.csv?${params}`);
      const edges = await download(api, `/export/edges.csv?${params}`);
      expect([nodes.status, edges.status]).toEqual([200, 200]);
      expect(nodes.contentType).toBe('text/csv; charset=utf-8; header=present');
      expect(edges.disposition).toBe('attachment; filename="neighborhood-eric-garcetti-depth2-edges.csv"');
      const nodeRows = await readExport('csv', await saved('n-nodes.csv', nodes.text));
      const edgeRows = await readExport('csv', await saved('n-edges.csv', edges.text));
      expect(nodeRows.rows.map((r) => r.id).sort()).toEqual(answer.nodes.map((n) => n.id).sort());
      expect(edgeRows.rows).toHaveLength(answer.edges.length);
      const opposed = answer.edges.find((e) => e.type === 'OPPOSED' && e.from === 'eric-garcetti')!;
      const row = edgeRows.rows.find(
        (r) => r.type === 'OPPOSED' && r.source === 'eric-garcetti' && r.target === opposed.to,
      )!;
      expect(row).toMatchObject({
        quote: opposed.evidence[0].quote,
        article_id: opposed.evidence[0].article.id,
        evidence_count: String(opposed.evidence.length),
      });
      expect((JSON.parse(row.evidence!) as AnyData[]).map((ev) => ev.quote)).toEqual(
        opposed.evidence.map((ev: AnyData) => ev.quote),
      );
    });
  });

  it('exports a search result: the same entities as search answers, in GraphML and CSV', async () => {
    const hits = dataOf(await api.query(`{ search(text: "sessions", first: 5) { id } }`)).search as AnyData[];
    expect(hits.length).toBeGreaterThan(1);
    const res = await download(api, '/export/graphml?select=search&q=sessions&first=5');
    expect(res.disposition).toBe('attachment; filename="search-sessions.graphml"');
    const g = await readExport('graphml', await saved('s.graphml', res.text));
    expect([g.nodes, g.edges]).toEqual([hits.length, 0]);
    const csv = await readExport(
      'csv',
      await saved('s.csv', (await download(api, '/export/nodes.csv?select=search&q=sessions&first=5')).text),
    );
    expect(csv.rows.map((r) => r.id)).toEqual(hits.map((h) => h.id));
  });

  it('exports a path: the same nodes and edges as path answers', async () => {
    const path = dataOf(
      await api.query(`{ path(from: "eric-garcetti", to: "jeff-sessions") { nodes { id } edges { type } } }`),
    ).path as { nodes: unknown[]; edges: unknown[] };
    const res = await download(api, '/export/graphml?select=path&from=eric-garcetti&to=jeff-sessions');
    const g = await readExport('graphml', await saved('p.graphml', res.text));
    expect([g.nodes, g.edges]).toEqual([path.nodes.length, path.edges.length]);
    const { elements } = JSON.parse(
      (await download(api, '/export/cytoscape?select=path&from=eric-garcetti&to=jeff-sessions')).text,
    ) as CytoscapeJson;
    expect([elements.nodes.length, elements.edges.length]).toEqual([path.nodes.length, path.edges.length]);
  });

  describe('the whole graph', () => {
    let counts: { nodes: number; facts: number };
    beforeAll(async () => {
      const db = testDatabase();
      try {
        const [nodes] = await db.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n');
        const [facts] = await db.read<{ n: number }>(
          `MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types
           RETURN count(DISTINCT [a.id, b.id, coalesce(r.key, elementId(r))]) AS n`,
          { types: [...FACT_TYPES] },
        );
        counts = { nodes: nodes!.n, facts: facts!.n };
      } finally {
        await db.close();
      }
    });

    it('as GraphML opens in NetworkX with as many nodes and edges as the database holds entities and facts', async () => {
      const res = await download(api, '/export/graphml?select=all');
      expect(res.status).toBe(200);
      expect(res.disposition).toBe('attachment; filename="sanctuary-graph.graphml"');
      const g = await readExport('graphml', await saved('all.graphml', res.text));
      expect(counts.facts).toBeGreaterThan(50);
      expect({ nodes: g.nodes, edges: g.edges }).toEqual({ nodes: counts.nodes, edges: counts.facts });
      expect(g.edgeData.every((e) => Number(e.evidenceCount) > 0 && typeof e.quote === 'string')).toBe(true);
    });

    it('as Cytoscape JSON and CSV has the same counts', async () => {
      const { elements } = JSON.parse((await download(api, '/export/cytoscape?select=all')).text) as CytoscapeJson;
      expect([elements.nodes.length, elements.edges.length]).toEqual([counts.nodes, counts.facts]);
      const nodes = await readExport(
        'csv',
        await saved('all-nodes.csv', (await download(api, '/export/nodes.csv?select=all')).text),
      );
      const edges = await readExport(
        'csv',
        await saved('all-edges.csv', (await download(api, '/export/edges.csv?select=all')).text),
      );
      expect([nodes.rows.length, edges.rows.length]).toEqual([counts.nodes, counts.facts]);
    });

    it('reads the same graph in small pages as in one: the cursor neither skips nor repeats', async () => {
      const db = testDatabase();
      try {
        const read = async <T>(pages: AsyncIterable<T[]>): Promise<{ pages: number; items: T[] }> => {
          const out = { pages: 0, items: [] as T[] };
          for await (const page of pages) {
            out.pages += 1;
            out.items.push(...page);
          }
          return out;
        };
        const counter = new RoundTripCounter();
        const [smallNodes, bigNodes] = [
          await read(wholeGraphNodes(db, counter, 7)),
          await read(wholeGraphNodes(db, counter)),
        ];
        const [smallEdges, bigEdges] = [
          await read(wholeGraphEdges(db, counter, 5)),
          await read(wholeGraphEdges(db, counter)),
        ];
        expect(smallNodes.pages).toBe(Math.ceil(counts.nodes / 7));
        expect(smallNodes.items).toEqual(bigNodes.items);
        expect(smallEdges.pages).toBeGreaterThan(5);
        expect(smallEdges.items).toEqual(bigEdges.items);
        expect(bigEdges.items).toHaveLength(counts.facts);
      } finally {
        await db.close();
      }
    });
  });

  describe('bad requests', () => {
    const cases: [string, number, string, string | undefined][] = [
      [
        '/export/graphml?select=neighborhood&id=eric-garcetti&depth=5',
        400,
        'Parameter "depth" must be between 1 and 3 (got 5)',
        'depth',
      ],
      [
        '/export/graphml?select=neighborhood&id=eric-garcetti&depth=deep',
        400,
        'Parameter "depth" must be a whole number (got "deep")',
        'depth',
      ],
      [
        '/export/graphml?select=neighborhood&id=eric-garcetti&first=101',
        400,
        'Parameter "first" must be between 1 and 100 (got 101)',
        'first',
      ],
      [
        '/export/cytoscape?select=neighborhood&id=eric-garcetti&types=KNOWS',
        400,
        'Parameter "types" contains "KNOWS", which is not one of HOLDS_ROLE, PART_OF, SERVES, INITIATED, TARGETS, CONCERNS, OPPOSED, SUPPORTED, COOPERATED_WITH',
        'types',
      ],
      ['/export/graphml?select=neighborhood', 400, 'Parameter "id" is required', 'id'],
      ['/export/nodes.csv?select=search&q=%21%21', 400, 'Parameter "q" must contain at least one letter or digit', 'q'],
      [
        '/export/graphml?select=path&from=a&to=b&maxHops=0',
        400,
        'Parameter "maxHops" must be between 1 and 6 (got 0)',
        'maxHops',
      ],
      [
        '/export/graphml?select=neighbourhood&id=x',
        400,
        'Parameter "select" must be one of neighborhood, search, path, all (got "neighbourhood")',
        'select',
      ],
      ['/export/graphml?select=neighborhood&id=no-such-entity', 404, 'No entity with id "no-such-entity"', 'id'],
      [
        '/export/pdf?select=all',
        404,
        'No export format "pdf": use one of graphml, cytoscape, nodes.csv, edges.csv',
        undefined,
      ],
    ];

    it.each(cases)('%s answers %i with a JSON error naming the parameter', async (path, status, message, parameter) => {
      const res = await download(api, path);
      expect(res.status).toBe(status);
      expect(res.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(res.text)).toEqual({
        errors: [
          {
            message,
            extensions: { code: status === 400 ? 'BAD_USER_INPUT' : 'NOT_FOUND', ...(parameter ? { parameter } : {}) },
          },
        ],
      });
    });

    it('answers a path that does not exist with 404 saying so', async () => {
      const res = await download(api, '/export/graphml?select=path&from=eric-garcetti&to=nobody-at-all');
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text).errors[0].message).toBe(
        'No path from "eric-garcetti" to "nobody-at-all" within the default maxHops (or one of them is not an entity id)',
      );
    });
  });
});

describe('GET /export?select=all with EXPORT_WHOLE_GRAPH=false', () => {
  it('is refused with 403 FORBIDDEN, while a neighborhood is still served', async () => {
    const db = testDatabase();
    const api = await startApi(db, testConfig({ EXPORT_WHOLE_GRAPH: 'false' }));
    try {
      const all = await download(api, '/export/graphml?select=all');
      expect(all.status).toBe(403);
      expect(JSON.parse(all.text)).toEqual({
        errors: [
          {
            message: 'The whole-graph export (select=all) is turned off on this service (EXPORT_WHOLE_GRAPH=false).',
            extensions: { code: 'FORBIDDEN', parameter: 'select' },
          },
        ],
      });
      expect((await download(api, '/export/graphml?select=neighborhood&id=eric-garcetti')).status).toBe(200);
    } finally {
      await api.stop();
      await db.close();
    }
  });
});
