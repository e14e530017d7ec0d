import { RecentStatements } from '../../src/core/database';

describe('RecentStatements', () => {
  it('lists the distinct statements most recently used first, each with the parameters of its last use', () => {
    const recent = new RecentStatements(8);
    recent.use('MATCH (a) RETURN a', { id: 1 });
    recent.use('MATCH (b) RETURN b', {});
    recent.use('MATCH (a) RETURN a', { id: 2 });
    expect(recent.list()).toEqual([
      { cypher: 'MATCH (a) RETURN a', params: { id: 2 } },
      { cypher: 'MATCH (b) RETURN b', params: {} },
    ]);
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const recent = new RecentStatements(2);
    for (const cypher of ['A', 'B', 'A', 'C']) recent.use(cypher, {});
    expect(recent.list().map((s) => s.cypher)).toEqual(['C', 'A']);
  });

  it('keeps nothing with a limit of 0 (the warm-up is off)', () => {
    const recent = new RecentStatements(0);
    recent.use('A', {});
    expect(recent.list()).toEqual([]);
  });

  it('lists the hottest first for the warm-up: most uses lately, an old burst fading with the half-life', () => {
    let now = 0;
    const recent = new RecentStatements(8, 1_000, () => now);
    // A burst of B long ago, a steady trickle of A, one use of C just now (the most recent).
    for (let i = 0; i < 10; i++) recent.use('B', {});
    for (let i = 0; i < 8; i++) {
      now += 500;
      recent.use('A', {});
    }
    recent.use('C', {});
    expect(recent.hottest().map((s) => s.cypher)).toEqual(['A', 'C', 'B']);
    expect(recent.list().map((s) => s.cypher)).toEqual(['C', 'A', 'B']);
  });

  it('lists equally hot statements most recently used first', () => {
    const recent = new RecentStatements(8, 1_000, () => 0);
    for (const cypher of ['A', 'B', 'C']) recent.use(cypher, {});
    expect(recent.hottest().map((s) => s.cypher)).toEqual(['C', 'B', 'A']);
  });
});
