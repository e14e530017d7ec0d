import { cytoscapeWriter } from '../../../../src/server/export/cytoscape';
import { EDGES, HARD_NAME, HARD_QUOTE, NODES, writeAll } from './sample-graph';

describe('the Cytoscape.js JSON writer', () => {
  const text = writeAll(cytoscapeWriter());
  const json = JSON.parse(text) as {
    elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
  };

  it('writes valid JSON with elements.nodes and elements.edges, one element per node and edge', () => {
    expect(json.elements.nodes).toHaveLength(NODES.length);
    expect(json.elements.edges).toHaveLength(EDGES.length);
  });

  it("puts each node's id, kind, name, aliases, origin and date in its data, text unchanged", () => {
    expect(json.elements.nodes[1]!.data).toEqual({
      id: 'a&b',
      name: HARD_NAME,
      kind: 'ORGANIZATION',
      aliases: [],
      origin: 'EXTRACTED',
      date: null,
    });
  });

  it("puts each edge's source, target, type (also as Cytoscape's interaction) and every evidence in its data", () => {
    expect(json.elements.edges[0]!.data).toEqual({
      id: 'eric-garcetti|OPPOSED|threat-2018',
      source: 'eric-garcetti',
      target: 'threat-2018',
      type: 'OPPOSED',
      interaction: 'OPPOSED',
      origin: 'CURATED',
      sourceCount: 2,
      evidence: EDGES[0]!.evidence,
    });
    expect((json.elements.edges[0]!.data.evidence as { quote: string }[])[0]!.quote).toBe(HARD_QUOTE);
  });

  it('writes empty arrays for a graph without nodes or edges', () => {
    const writer = cytoscapeWriter();
    const empty = JSON.parse(writer.start() + writer.edgesStart() + writer.end()) as typeof json;
    expect(empty.elements).toEqual({ nodes: [], edges: [] });
  });
});
