import { orderHops } from '../../../web/src/explore/path-hops';

/** The path finder lists a path's hops in walking order, whichever way each relationship points. */
describe('orderHops', () => {
  const path = {
    // In the API's order, which is not the walking order; the first hop runs against its relationship.
    edges: [
      { type: 'INITIATED', from: 'sessions', to: 'threat' },
      { type: 'OPPOSED', from: 'garcetti', to: 'threat' },
    ],
  };

  it('walks from the start, marking hops taken against the relationship', () => {
    expect(orderHops(path, 'garcetti').map((h) => [h.at, h.edge.type, h.next, h.forward])).toEqual([
      ['garcetti', 'OPPOSED', 'threat', true],
      ['threat', 'INITIATED', 'sessions', false],
    ]);
  });

  it('walks the same path the other way from the other end', () => {
    expect(orderHops(path, 'sessions').map((h) => h.next)).toEqual(['threat', 'garcetti']);
  });

  it('is empty for a path of one entity (no relationship)', () => {
    expect(orderHops({ edges: [] }, 'garcetti')).toEqual([]);
  });
});
