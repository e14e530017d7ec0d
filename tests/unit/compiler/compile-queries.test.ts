import { decodeCursor, encodeCursor } from '../../../src/compiler/arguments/cursor';
import { compile, plainParams, statementOf } from './compile-support';

async function errorOf(query: string, key: string, variables: Record<string, unknown> = {}) {
  const compiled = await compile(query, variables);
  const error = compiled.errors.get(key);
  if (!error) throw new Error(`Expected ${key} to be rejected`);
  return { message: error.message, code: error.extensions.code };
}

describe('search', () => {
  it('queries the entity_names index with an escaped, boosted and fuzzy Lucene query', async () => {
    const { cypher, params } = await statementOf(`{ search(text: "Jeff Sessions") { id } }`);
    expect(cypher).toContain("CALL db.index.fulltext.queryNodes('entity_names', $p0, {limit: $p1})");
    expect(params.p0).toBe('(jeff^3 OR jeff~1) OR (sessions^3 OR sessions~2) OR "jeff sessions"^4');
  });

  it('ranks whole-name or whole-alias matches up and events down', async () => {
    const { cypher } = await statementOf(`{ search(text: "sessions") { id } }`);
    expect(cypher).toMatch(
      /toLower\(hit0\.name\) = toLower\(\$p\d\) OR any\(alias0 IN coalesce\(hit0\.aliases, \[\]\)/,
    );
    expect(cypher).toContain('THEN 4.0 ELSE 1.0 END');
    expect(cypher).toContain('CASE WHEN hit0:Event THEN 0.5 ELSE 1.0 END AS rank0');
    expect(cypher).toContain('ORDER BY rank0 DESC, hit0.name, hit0.id');
  });

  it('filters kinds by labels passed as a parameter', async () => {
    const { cypher, params } = await statementOf(`{ search(text: "la", kinds: [JURISDICTION, AGENCY]) { id } }`);
    expect(cypher).toContain('WHERE any(label0 IN labels(hit0) WHERE label0 IN $p2)');
    expect(params.p2).toEqual(['Jurisdiction', 'Agency']);
  });

  it('rejects text with no word in it', async () => {
    expect(await errorOf(`{ search(text: "   ") { id } }`, 'search')).toEqual({
      message: 'Argument "text" must not be empty',
      code: 'BAD_USER_INPUT',
    });
    expect((await errorOf(`{ search(text: "*~") { id } }`, 'search')).message).toBe(
      'Argument "text" must contain at least one letter or digit',
    );
  });

  it('starts after a cursor', async () => {
    const { cypher, params } = await statementOf(`query ($after: String) { search(text: "x", after: $after) { id } }`, {
      after: encodeCursor(20),
    });
    expect(cypher).toMatch(/SKIP \$p\d+ LIMIT \$p\d+/);
    expect(Object.values(plainParams(params))).toEqual(expect.arrayContaining([20, 10]));
  });
});

describe('stances', () => {
  it('resolves actionBy by id, name or alias and includes events initiated by people holding a role there', async () => {
    const { cypher, params } = await statementOf(
      `{ stances(kind: OPPOSED, actionBy: "Department of Justice") { kind } }`,
    );
    expect(cypher).toContain('MATCH (x0:Entity {id: $p0}) RETURN x0');
    expect(cypher).toContain("CALL db.index.fulltext.queryNodes('entity_names', $p1) YIELD node AS x1");
    expect(cypher).toContain('RETURN collect(DISTINCT x0) AS actionBy0');
    // The events come from the actionBy entities and their role holders, then their stances: no scan of all.
    expect(cypher).toContain('CALL (actionBy0) {');
    expect(cypher).toContain('MATCH (by1)-[:INITIATED]->(target0:Event)');
    // A role holder's events once, however many roles the holder has at the entity.
    expect(cypher).toMatch(
      /MATCH \(by1\)<-\[:HOLDS_ROLE\]-\(holder1:Entity\)\s+WITH DISTINCT holder1\s+MATCH \(holder1\)-\[:INITIATED\]->\(target0:Event\)/,
    );
    // Around a hub (the initiators start at least a tenth of all events, counted from degrees), the earliest
    // events with a stance are found by walking all events in date order, a bounded number per row needed.
    expect(cypher).toContain('sum(COUNT { (initiator0)-[:INITIATED]->() }) AS estimate0');
    expect(cypher).toContain('WITH initiators0, estimate0, allEvents0 WHERE estimate0 * $p4 >= allEvents0');
    expect(cypher).toContain('WITH initiators0, early0 ORDER BY early0.date LIMIT $p3');
    expect(plainParams(params).p4).toBe(10);
    expect(cypher.indexOf('CALL (actionBy0) {')).toBeLessThan(
      cypher.indexOf('MATCH (actor0:Entity)-[stance0:OPPOSED]->(target0:Entity)'),
    );
    expect(cypher).toContain('ORDER BY target0.date, actor0.name');
    expect(params.p0).toBe('Department of Justice');
    expect(params.p1).toBe('"department of justice"');
  });

  it('with actionBy, asks whether an event has a stance only of the earliest events a page needs', async () => {
    const { cypher, params } = await statementOf(
      `{ stances(kind: OPPOSED, actionBy: "doj", first: 5, after: "${encodeCursor(2)}") { kind } }`,
    );
    // The walk in date order stops at offset+first events with a stance, looking at most 40 events per row.
    const needed = decodeCursor(encodeCursor(2)) + 5;
    const walk = /WITH early0\.date AS earlyDate0 LIMIT \$(p\d+)/.exec(cypher);
    expect(walk).not.toBeNull();
    expect(plainParams(params)[walk![1]!]).toBe(needed);
    expect(cypher).toContain('ORDER BY early0.date LIMIT $p3');
    expect(plainParams(params).p3).toBe(needed * 40);
    // When the walk finds fewer, the entity's events are sorted by date before any check; the check runs once,
    // under a LIMIT of offset+first.
    const check = 'WHERE EXISTS { MATCH (:Entity)-[:OPPOSED]->(candidate0) }';
    expect(cypher.split(check).length - 1).toBe(1);
    expect(cypher.indexOf('ORDER BY date0')).toBeLessThan(cypher.indexOf(check));
    const limit = /WITH candidateDate0 LIMIT \$(p\d+)/.exec(cypher);
    expect(limit).not.toBeNull();
    expect(cypher.indexOf(check)).toBeLessThan(limit!.index);
    expect(plainParams(params)[limit![1]!]).toBe(needed);
    // The cut is the latest date found, and only when offset+first dated events were found.
    expect(cypher).toContain(`CASE WHEN found1 = $${limit![1]} AND withDate0 = $${limit![1]} THEN latest0 END AS cut1`);
    expect(cypher.indexOf('AS cut1')).toBeLessThan(cypher.indexOf('MATCH (actor0:Entity)-[stance0:OPPOSED]->'));
  });

  it("answers evidence { article { id } } from the evidence's own list, and looks the article up for more", async () => {
    const idOnly = await statementOf(`{ stances(kind: OPPOSED) { evidence { article { __typename id } } } }`);
    expect(idOnly.cypher).toContain(
      'x0 IN [r0 IN rels0 | {`evidenceQuotes`: r0.evidenceQuotes, `evidenceArticles`: r0.evidenceArticles}]',
    );
    expect(idOnly.cypher).toContain('`article`: {`id`: x0.evidenceArticles[i0]}');
    expect(idOnly.cypher).not.toContain(':Article');
    const titled = await statementOf(`{ stances(kind: OPPOSED) { evidence { article { id title } } } }`);
    expect(titled.cypher).toContain('MATCH (article0:Article {id: x0.evidenceArticles[i0]})');
  });

  it('reads each evidence list a selection needs from a relationship once, and indexes that copy per entry', async () => {
    const { cypher } = await statementOf(`{ neighborhood(id: "x") { edges { evidence { quote confidence } } } }`);
    // Indexing r.evidenceQuotes itself would read the whole list again for every entry (quadratic in a hub fact's quotes).
    expect(cypher).toMatch(
      /x\d+ IN \[r\d+ IN g\d+ \| \{`evidenceQuotes`: r\d+\.evidenceQuotes, `evidenceConfidence`: r\d+\.evidenceConfidence\}\]/,
    );
    expect(cypher).toMatch(/`quote`: x\d+\.evidenceQuotes\[i\d+\], `confidence`: x\d+\.evidenceConfidence\[i\d+\]/);
    // Lists the selection does not ask for are not read.
    expect(cypher).not.toContain('evidenceArticles');
  });

  it('takes the relationship type from the model for the kind', async () => {
    const { cypher } = await statementOf(`{ stances(kind: SUPPORTED, actor: "eric-garcetti") { kind } }`);
    expect(cypher).toContain('[stance0:SUPPORTED]');
    // From the actor's own stances, not a filter over every stance of the kind.
    expect(cypher).toContain('UNWIND actors0 AS actor0');
    expect(cypher.indexOf('UNWIND actors0 AS actor0')).toBeLessThan(cypher.indexOf('[stance0:SUPPORTED]'));
  });

  it('returns a connection with encoded cursors, page info and a total', async () => {
    const { cypher, params } = await statementOf(`{
      stancesConnection(kind: OPPOSED, first: 2, after: "${encodeCursor(4)}") {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { kind } }
      }
    }`);
    // Rows are facts: a stance's relationships (rels0) are collapsed before they are counted and paged.
    expect(cypher).toContain('WITH collect([actor0, stance0, rels0, target0]) AS rows0');
    expect(cypher.indexOf('AS rels0')).toBeLessThan(cypher.indexOf('AS rows0'));
    expect(cypher).toMatch(/rows0\[\$p\d+\.\.\$p\d+\] AS page0/);
    expect(cypher).toContain('`totalCount`: size(rows0)');
    const cursors = Object.values(params).find(Array.isArray) as string[];
    expect(cursors.map((c) => decodeCursor(c))).toEqual([5, 6]);
  });

  it('rejects a cursor it did not issue', async () => {
    expect(await errorOf(`{ stances(kind: OPPOSED, after: "not-a-cursor") { kind } }`, 'stances')).toEqual({
      message: 'Argument "after" is not a cursor returned by this API (use a cursor or endCursor from a connection)',
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('events', () => {
  it('filters by initiator, target and program, and by overlapping dates of any precision', async () => {
    const { cypher, params } = await statementOf(`{
      events(by: "doj", target: "los-angeles", program: "sanctuary-policies", from: "2018-06", to: "2019") { id }
    }`);
    expect(cypher).toContain('CALL (by0) {');
    expect(cypher).toContain('MATCH (by1)<-[:HOLDS_ROLE]-(holder0:Entity)');
    expect(cypher).toContain('MATCH (holder0)-[:INITIATED]->(event0:Event)');
    expect(cypher).toContain('WITH * WHERE EXISTS { MATCH (event0)-[:TARGETS]');
    expect(cypher).toContain('EXISTS { MATCH (event0)-[:TARGETS]->(target0:Entity) WHERE target0 IN targets0 }');
    expect(cypher).toContain('EXISTS { MATCH (event0)-[:CONCERNS]->(program0:Entity) WHERE program0 IN programs0 }');
    expect(cypher).toContain("CASE size(event0.date) WHEN 4 THEN event0.date + '-12-31'");
    expect(Object.values(params)).toEqual(expect.arrayContaining(['2018', '2018-06-01', '2019-12-31']));
    expect(cypher).toContain('ORDER BY event0.date, event0.name, event0.id');
  });

  it('rejects dates that are not ISO dates or real days, and windows that end before they start', async () => {
    for (const [from, message] of [
      ['2018-13', 'Argument "from" must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD and a real day (got "2018-13")'],
      [
        '2018-02-30',
        'Argument "from" must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD and a real day (got "2018-02-30")',
      ],
      ['Jan 2018', 'Argument "from" must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD and a real day (got "Jan 2018")'],
      ['2019', 'Argument "from" must not be after "to" (2019 > 2018-06)'],
    ]) {
      expect(
        await errorOf(`query ($from: String) { events(from: $from, to: "2018-06") { id } }`, 'events', { from }),
      ).toEqual({
        message,
        code: 'BAD_USER_INPUT',
      });
    }
  });
});

describe('timeline, neighborhood and path', () => {
  it('timeline unions initiated (also through parts and role holders), stance, targeted and concerning events, by date', async () => {
    const { cypher } = await statementOf(`{ timeline(id: "eric-garcetti") { id } }`);
    expect(cypher).toContain('MATCH (:Entity {id: $p0})-[:INITIATED|OPPOSED|SUPPORTED]->(event0:Event) RETURN event0');
    expect(cypher).toContain('MATCH (:Entity {id: $p0})<-[:TARGETS|CONCERNS]-(event0:Event) RETURN event0');
    expect(cypher).toContain(
      'MATCH (:Entity {id: $p0})<-[:PART_OF|HOLDS_ROLE]-(member0:Entity) WITH DISTINCT member0\n' +
        '    MATCH (member0)-[:INITIATED]->(event0:Event) RETURN event0',
    );
    // Only events dated up to the first-th earliest date are sorted by name and id (a hub has thousands).
    expect(cypher).toContain('WITH dated0.date AS earliest0 ORDER BY earliest0 LIMIT $p1');
    expect(cypher).toContain('CASE WHEN found0 = $p1 AND withDate0 = $p1 THEN latest0 END AS cut0');
    expect(cypher).toContain('WITH dated0 WHERE cut0 IS NULL OR dated0.date <= cut0');
    expect(cypher).toContain('ORDER BY date0, event0.name, event0.id LIMIT $p1');
  });

  it('neighborhood walks only validated fact types, up to a constant hop range', async () => {
    const { cypher } = await statementOf(
      `{ neighborhood(id: "x", depth: 2, types: ["OPPOSED", "INITIATED"]) { nodes { id } edges { type } } }`,
    );
    // Ring by ring: one single-hop expansion per hop of the depth, each capped at first - 1 entities.
    expect(cypher.match(/MATCH \(from\d+\)-\[:OPPOSED\|INITIATED\]-\(found\d+\)/g)).toHaveLength(2);
    // What a ring reaches is kept when it is an entity not seen before (a grouping, not a list scan per row).
    expect(cypher.match(/WITH found\d+ WHERE NOT wasSeen\d+ AND found\d+:Entity/g)).toHaveLength(2);
    expect(cypher).toMatch(/WHERE size\(near\d+\) < \$p1/);
    expect(cypher).toContain('LIMIT $p1');
    expect(cypher).not.toMatch(/\*1\.\./);
    // Edges only among the kept nodes: each relationship's end grouped with the kept nodes themselves.
    expect(cypher).toContain('MATCH (from0)-[r0:OPPOSED|INITIATED]->(to0)');
    expect(cypher).toContain('count(*) > count(r0) AS kept0');
    const all = await statementOf(`{ neighborhood(id: "x") { nodes { id } } }`);
    expect(all.cypher).toContain(
      '-[:HOLDS_ROLE|PART_OF|SERVES|INITIATED|TARGETS|CONCERNS|OPPOSED|SUPPORTED|COOPERATED_WITH]-(found',
    );
    expect(all.cypher.match(/MATCH \(from\d+\)-\[[^\]]*\]-\(found\d+\)/g)).toHaveLength(1);
    // A ring sorts by name and id only the entities named up to the limit-th name (a hub's ring has thousands).
    expect(cypher).toMatch(/WITH candidate\d+\.name AS name\d+ ORDER BY name\d+ LIMIT \$p1/);
    expect(cypher).toMatch(/CASE WHEN counted\d+ = \$p1 AND named\d+ = \$p1 THEN latest\d+ END AS cut\d+/);
    expect(cypher).toMatch(/ORDER BY name\d+, found\d+\.id LIMIT \$p1/);
  });

  it('neighborhood rejects unknown relationship types and depths outside 1..3', async () => {
    expect(
      (await errorOf(`{ neighborhood(id: "x", types: ["MENTIONS"]) { nodes { id } } }`, 'neighborhood')).message,
    ).toBe(
      'Argument "types" contains "MENTIONS", which is not one of HOLDS_ROLE, PART_OF, SERVES, INITIATED, TARGETS, CONCERNS, OPPOSED, SUPPORTED, COOPERATED_WITH',
    );
    expect(
      (
        await errorOf(
          `{ neighborhood(id: "x", types: ["OPPOSED]-() DETACH DELETE x //"]) { nodes { id } } }`,
          'neighborhood',
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect((await errorOf(`{ neighborhood(id: "x", depth: 4) { nodes { id } } }`, 'neighborhood')).message).toBe(
      'Argument "depth" must be between 1 and 3 (got 4)',
    );
  });

  it('path is one of the shortest paths over fact relationships within maxHops, chosen by a total order', async () => {
    const { cypher } = await statementOf(
      `{ path(from: "eric-garcetti", to: "jeff-sessions", maxHops: 3) { nodes { id } } }`,
    );
    expect(cypher).toContain('ORDER BY events0 DESC, support0 DESC, [n1 IN nodes(path0) | n1.id]');
    expect(cypher).toContain(
      'allShortestPaths((start0)-[:HOLDS_ROLE|PART_OF|SERVES|INITIATED|TARGETS|CONCERNS|OPPOSED|SUPPORTED|COOPERATED_WITH*1..3]-(end0))',
    );
    expect(cypher).not.toContain('MENTIONS');
    expect((await errorOf(`{ path(from: "a", to: "b", maxHops: 7) { nodes { id } } }`, 'path')).message).toBe(
      'Argument "maxHops" must be between 1 and 6 (got 7)',
    );
  });
});
