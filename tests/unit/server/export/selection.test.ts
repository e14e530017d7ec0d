import { compareEdges, edgeIds } from '../../../../src/server/export/edge-ids';
import type { ExportError } from '../../../../src/server/export/export-error';
import type { FoundEdge } from '../../../../src/server/export/model';
import { fileStem, parseSelection } from '../../../../src/server/export/selection';

/** The error parseSelection raises for a query string. */
function refusal(query: Record<string, unknown>): { status: number; message: string; parameter?: string } {
  try {
    parseSelection(query);
  } catch (error) {
    const { status, message, parameter } = error as ExportError;
    return { status, message, parameter };
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('the selection of an export', () => {
  it('reads each selection with its parameters, numbers as numbers and types as a list', () => {
    expect(
      parseSelection({ select: 'neighborhood', id: 'eric-garcetti', depth: '2', types: 'OPPOSED, INITIATED' }),
    ).toEqual({
      select: 'neighborhood',
      id: 'eric-garcetti',
      depth: 2,
      first: undefined,
      types: ['OPPOSED', 'INITIATED'],
    });
    expect(parseSelection({ select: 'search', q: 'sessions', first: '5' })).toEqual({
      select: 'search',
      q: 'sessions',
      first: 5,
    });
    expect(parseSelection({ select: 'path', from: 'a', to: 'b' })).toEqual({
      select: 'path',
      from: 'a',
      to: 'b',
      maxHops: undefined,
    });
    expect(parseSelection({ select: 'all' })).toEqual({ select: 'all' });
  });

  it('refuses a missing or unknown select, naming the choices', () => {
    expect(refusal({})).toEqual({ status: 400, message: 'Parameter "select" is required', parameter: 'select' });
    expect(refusal({ select: 'everything' })).toEqual({
      status: 400,
      message: 'Parameter "select" must be one of neighborhood, search, path, all (got "everything")',
      parameter: 'select',
    });
  });

  it('refuses a missing required parameter and a parameter the selection does not take', () => {
    expect(refusal({ select: 'neighborhood' })).toMatchObject({
      message: 'Parameter "id" is required',
      parameter: 'id',
    });
    expect(refusal({ select: 'path', from: 'a', to: ' ' })).toMatchObject({ parameter: 'to' });
    expect(refusal({ select: 'neighborhood', id: 'x', dept: '2' })).toEqual({
      status: 400,
      message: 'Parameter "dept" is not a parameter of select=neighborhood (it takes id, depth, first, types)',
      parameter: 'dept',
    });
    expect(refusal({ select: 'all', id: 'x' })).toMatchObject({
      message: 'Parameter "id" is not a parameter of select=all (it takes none)',
    });
  });

  it('refuses a number that is not a whole number and a parameter given twice', () => {
    expect(refusal({ select: 'neighborhood', id: 'x', depth: 'two' })).toEqual({
      status: 400,
      message: 'Parameter "depth" must be a whole number (got "two")',
      parameter: 'depth',
    });
    expect(refusal({ select: 'neighborhood', id: 'x', depth: '1.5' })).toMatchObject({ parameter: 'depth' });
    expect(refusal({ select: 'neighborhood', id: 'x', depth: '99999999999' })).toMatchObject({ parameter: 'depth' });
    expect(refusal({ select: 'neighborhood', id: ['a', 'b'] })).toEqual({
      status: 400,
      message: 'Parameter "id" must be given once, as plain text',
      parameter: 'id',
    });
  });

  it('names the file after the selection, with only safe characters', () => {
    expect(fileStem({ select: 'neighborhood', id: 'eric-garcetti', depth: 2 })).toBe(
      'neighborhood-eric-garcetti-depth2',
    );
    expect(fileStem({ select: 'search', q: 'São "Paulo"\r\n; x' })).toBe('search-Sao-Paulo-x');
    expect(fileStem({ select: 'path', from: 'a', to: 'b' })).toBe('path-a-to-b');
    expect(fileStem({ select: 'all' })).toBe('sanctuary-graph');
  });
});

describe('edge ids', () => {
  const edge = (from: string, type: string, to: string): FoundEdge => ({
    from,
    type,
    to,
    origin: 'CURATED',
    sourceCount: 1,
    evidence: [],
  });

  it('are from|type|to, numbering further facts of the same three once the edges are sorted', () => {
    const edges = [
      edge('b', 'OPPOSED', 'c'),
      edge('a', 'HOLDS_ROLE', 'd'),
      edge('a', 'HOLDS_ROLE', 'd'),
      edge('a', 'HOLDS_ROLE', 'c'),
    ];
    const withId = edgeIds();
    expect(edges.sort(compareEdges).map((e) => withId(e).id)).toEqual([
      'a|HOLDS_ROLE|c',
      'a|HOLDS_ROLE|d',
      'a|HOLDS_ROLE|d|2',
      'b|OPPOSED|c',
    ]);
  });
});
