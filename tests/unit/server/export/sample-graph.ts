import type { ExportEdge, ExportNode } from '../../../../src/server/export/model';

/** Text that every format must carry unchanged: markup characters, quotes, commas, line breaks, non-ASCII. */
export const HARD_NAME = 'Ben & Jerry\'s "Fund" <Inc>, São Paulo';
export const HARD_QUOTE = '“Threaten me,” he said — & then:\nline two, with a comma\r\nand an emoji 😀';

export const NODES: ExportNode[] = [
  {
    id: 'eric-garcetti',
    kind: 'PERSON',
    name: 'Eric Garcetti',
    aliases: ['Garcetti', 'LA Mayor "Eric"'],
    origin: 'CURATED',
    date: null,
  },
  { id: 'a&b', kind: 'ORGANIZATION', name: HARD_NAME, aliases: [], origin: 'EXTRACTED', date: null },
  {
    id: 'threat-2018',
    kind: 'EVENT',
    name: 'Sessions threatens to subpoena sanctuary cities',
    aliases: [],
    origin: 'CURATED',
    date: '2018-01-24',
  },
];

export const EDGES: ExportEdge[] = [
  {
    id: 'eric-garcetti|OPPOSED|threat-2018',
    type: 'OPPOSED',
    from: 'eric-garcetti',
    to: 'threat-2018',
    origin: 'CURATED',
    sourceCount: 2,
    evidence: [
      {
        quote: HARD_QUOTE,
        confidence: 1,
        articleId: '004_7eba',
        articleTitle: 'Sessions warns <sanctuary> cities & "mayors"',
        articleUrl: 'https://example.org/a?x=1&y=2',
        articleDate: '2018-01',
        origin: 'CURATED',
      },
      {
        quote: 'Second sentence.',
        confidence: 0.5,
        articleId: 'x_1',
        articleTitle: null,
        articleUrl: null,
        articleDate: null,
        origin: 'EXTRACTED',
      },
    ],
  },
  {
    id: 'a&b|SUPPORTED|threat-2018',
    type: 'SUPPORTED',
    from: 'a&b',
    to: 'threat-2018',
    origin: 'EXTRACTED',
    sourceCount: 1,
    evidence: [],
  },
];

/** The whole text a writer produces for the sample graph. */
export function writeAll(writer: {
  start(): string;
  node(n: ExportNode): string;
  edgesStart(): string;
  edge(e: ExportEdge): string;
  end(): string;
}): string {
  return [writer.start(), ...NODES.map(writer.node), writer.edgesStart(), ...EDGES.map(writer.edge), writer.end()].join(
    '',
  );
}
