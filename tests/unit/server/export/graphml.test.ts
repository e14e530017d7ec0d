import { Parser } from 'htmlparser2';
import { graphmlWriter } from '../../../../src/server/export/graphml';
import { xmlAttribute, xmlText } from '../../../../src/server/export/xml';
import { EDGES, HARD_NAME, HARD_QUOTE, NODES, writeAll } from './sample-graph';

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
}

/** Parses XML into a tree with entities decoded, failing on an element closed out of order. */
function parseXml(xml: string): Element {
  const root: Element = { name: '#root', attributes: {}, text: '', children: [] };
  const stack = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: Element = { name, attributes, text: '', children: [] };
        stack[stack.length - 1]!.children.push(element);
        stack.push(element);
      },
      ontext(text) {
        stack[stack.length - 1]!.text += text;
      },
      onclosetag(name) {
        const open = stack.pop();
        if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  if (stack.length !== 1) throw new Error('unclosed elements');
  return root.children[0]!;
}

const byName = (e: Element, name: string): Element[] => e.children.filter((c) => c.name === name);

/** The data of a node or edge by attribute name, through the declared keys. */
function dataOf(graphml: Element, item: Element): Record<string, string> {
  const names = Object.fromEntries(byName(graphml, 'key').map((k) => [k.attributes.id, k.attributes['attr.name']]));
  return Object.fromEntries(byName(item, 'data').map((d) => [names[d.attributes.key!]!, d.text]));
}

describe('XML escaping', () => {
  it('escapes markup in text and keeps a carriage return as a reference', () => {
    expect(xmlText('a & b < c > d "e" \'f\'\r\n')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'&#13;\n');
  });

  it('escapes quotes, tabs and line breaks in attributes', () => {
    expect(xmlAttribute('x"y\'z\t1\n2&<')).toBe('x&quot;y&apos;z&#9;1&#10;2&amp;&lt;');
  });

  it('replaces characters XML 1.0 cannot hold with U+FFFD and keeps every other one', () => {
    expect(xmlText('bell\u0007 lone\uD800 pair😀 é')).toBe('bell\uFFFD lone\uFFFD pair😀 é');
  });
});

describe('the GraphML writer', () => {
  const xml = writeAll(graphmlWriter());
  const graphml = parseXml(xml);
  const graph = byName(graphml, 'graph')[0]!;

  it('writes a directed GraphML document with every key declared with its type', () => {
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'),
    ).toBe(true);
    expect(graph.attributes.edgedefault).toBe('directed');
    const keys = byName(graphml, 'key').map(
      (k) => `${k.attributes.for}:${k.attributes['attr.name']}:${k.attributes['attr.type']}`,
    );
    expect(keys).toEqual([
      'node:label:string',
      'node:kind:string',
      'node:name:string',
      'node:aliases:string',
      'node:origin:string',
      'node:date:string',
      'edge:label:string',
      'edge:type:string',
      'edge:origin:string',
      'edge:sourceCount:int',
      'edge:weight:double',
      'edge:evidenceCount:int',
      'edge:quote:string',
      'edge:articleId:string',
      'edge:articleTitle:string',
      'edge:articleUrl:string',
      'edge:articleDate:string',
      'edge:evidence:string',
    ]);
  });

  it('gives each node its kind, name, aliases (JSON) and origin, with markup and unicode intact', () => {
    const nodes = byName(graph, 'node');
    expect(nodes.map((n) => n.attributes.id)).toEqual(['eric-garcetti', 'a&b', 'threat-2018']);
    expect(dataOf(graphml, nodes[1]!)).toEqual({
      label: HARD_NAME,
      kind: 'ORGANIZATION',
      name: HARD_NAME,
      aliases: '[]',
      origin: 'EXTRACTED',
    });
    expect(JSON.parse(dataOf(graphml, nodes[0]!).aliases!)).toEqual(['Garcetti', 'LA Mayor "Eric"']);
    expect(dataOf(graphml, nodes[2]!).date).toBe('2018-01-24');
  });

  it('gives each edge its type, origin, counts, first evidence and every evidence as JSON text', () => {
    const edges = byName(graph, 'edge');
    expect(edges.map((e) => [e.attributes.id, e.attributes.source, e.attributes.target])).toEqual([
      ['eric-garcetti|OPPOSED|threat-2018', 'eric-garcetti', 'threat-2018'],
      ['a&b|SUPPORTED|threat-2018', 'a&b', 'threat-2018'],
    ]);
    const first = dataOf(graphml, edges[0]!);
    expect(first).toMatchObject({
      type: 'OPPOSED',
      origin: 'CURATED',
      sourceCount: '2',
      weight: '2',
      evidenceCount: '2',
      quote: HARD_QUOTE,
      articleTitle: 'Sessions warns <sanctuary> cities & "mayors"',
      articleUrl: 'https://example.org/a?x=1&y=2',
    });
    expect(JSON.parse(first.evidence!)).toEqual(EDGES[0]!.evidence);
    // No evidence: no first-evidence attributes at all, an empty list, not the text "null".
    expect(dataOf(graphml, edges[1]!)).toEqual({
      label: 'SUPPORTED',
      type: 'SUPPORTED',
      origin: 'EXTRACTED',
      sourceCount: '1',
      weight: '1',
      evidenceCount: '0',
      evidence: '[]',
    });
  });

  it('writes one node element per node and one edge element per edge', () => {
    expect([byName(graph, 'node').length, byName(graph, 'edge').length]).toEqual([NODES.length, EDGES.length]);
  });
});
