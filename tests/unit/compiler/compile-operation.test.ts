import neo4j from 'neo4j-driver';
import { compile, occurrences, plainParams, statementOf } from './compile-support';

describe('compiling a GraphQL operation into one Cypher statement', () => {
  it('compiles every graph root field of a request into one statement of CALL subqueries keyed by response key', async () => {
    const { cypher } = await statementOf(`{
      a: entity(id: "jeff-sessions") { name }
      b: search(text: "garcetti") { name }
      health { ok }
    }`);
    expect(occurrences(cypher, 'CALL {\n')).toBeGreaterThanOrEqual(2);
    expect(cypher).toMatch(/RETURN \{`a`: result0, `b`: result1\} AS data$/);
    // health resolves on its own; it is not part of the graph statement.
    expect(cypher).not.toContain('dbms.components');
  });

  it('passes every user value as a parameter, never as Cypher text', async () => {
    const hostile = `Robert'}) DETACH DELETE (n) //`;
    const { cypher, params } = await statementOf(
      `query ($id: ID!, $v: String!) {
        entity(id: $id) { id }
        search(text: $v) { id }
        stances(kind: OPPOSED, actionBy: $v, actor: $v) { kind }
        events(by: $v, target: $v, program: $v, from: "2018", to: "2018-06") { id }
        timeline(id: $id) { id }
        neighborhood(id: $id) { nodes { id } }
        path(from: $id, to: "jeff-sessions") { nodes { id } }
      }`,
      { id: hostile, v: hostile },
    );
    expect(cypher).not.toContain('Robert');
    expect(cypher).not.toContain('DETACH');
    expect(cypher).not.toContain('2018');
    expect(Object.values(params)).toContain(hostile);
    expect(Object.values(params)).toEqual(expect.arrayContaining(['2018-01-01', '2018-06-30']));
  });

  it('projects by response key, so aliases of one field keep their own values', async () => {
    const { cypher } = await statementOf(`{ entity(id: "x") { id label: name name } }`);
    expect(cypher).toContain('`label`: entity0.name');
    expect(cypher).toContain('`name`: entity0.name');
    expect(cypher).toContain('`id`: entity0.id');
  });

  it('computes __typename from the kind labels and guards type-specific fields by label', async () => {
    const { cypher } = await statementOf(`{
      entity(id: "x") { id ... on Event { date } ... on Person { roles { title } } }
    }`);
    expect(cypher).toContain("`__typename`: CASE WHEN entity0:Person THEN 'Person' WHEN entity0:Agency THEN 'Agency'");
    expect(cypher).toContain('`date`: CASE WHEN entity0:Event THEN entity0.date END');
    expect(cypher).toMatch(
      /`roles`: CASE WHEN entity0:Person THEN COLLECT \{\n\s+MATCH \(entity0\)-\[r0:HOLDS_ROLE\]->/,
    );
  });

  it('compiles a field shared by several types once, and fields of an interface fragment for each of its types', async () => {
    const { cypher } = await statementOf(`{
      entity(id: "x") { ... on Actor { initiated { id } } }
    }`);
    // One COLLECT for Person, Agency, Organization and Jurisdiction together.
    // (Twice in it: the facts' match, and the subquery gathering each fact's relationships.)
    expect(occurrences(cypher, ':INITIATED]')).toBe(2);
    expect(cypher).toContain(
      '`initiated`: CASE WHEN entity0:Person OR entity0:Agency OR entity0:Organization OR entity0:Jurisdiction THEN COLLECT',
    );
  });

  it('follows named fragments and applies @skip and @include with variables', async () => {
    const { cypher } = await statementOf(
      `query ($withAliases: Boolean!, $noKind: Boolean!) {
        entity(id: "x") { ...Names kind @skip(if: $noKind) }
      }
      fragment Names on Entity { name aliases @include(if: $withAliases) }`,
      { withAliases: false, noKind: true },
    );
    expect(cypher).toContain('`name`: entity0.name');
    expect(cypher).not.toContain('aliases');
    expect(cypher).not.toContain('`kind`');
  });

  it('nests relationship lists as COLLECT subqueries: a three-level query is still one statement', async () => {
    const { cypher, params } = await statementOf(`{
      entity(id: "sessions-subpoena-threat-2018-01-24") {
        ... on Event {
          opposedBy(first: 5) {
            actor { name ... on Person { roles { title organization { name } evidence { quote } } } }
            evidence { quote article { title url } }
          }
        }
      }
    }`);
    // opposedBy, roles, the relationships of each of their facts, the article of an evidence entry
    expect(occurrences(cypher, 'COLLECT {')).toBe(5);
    expect(cypher).toContain('MATCH (entity0)<-[r0:OPPOSED]-(entity1:Entity)');
    expect(cypher).toContain('MATCH (entity1)-[r1:HOLDS_ROLE]->(entity2:Entity)');
    // Evidence of every relationship stating the fact (rels0: opposedBy's, curated first).
    // Each list is read from a relationship once (into x1), not once per entry.
    expect(cypher).toContain(
      'reduce(all1 = [], x1 IN [r3 IN rels0 | {`evidenceQuotes`: r3.evidenceQuotes, `evidenceArticles`: r3.evidenceArticles}]' +
        ' | all1 + [i1 IN range(0, size(coalesce(x1.evidenceQuotes, [])) - 1)',
    );
    expect(cypher).toContain('x1.evidenceQuotes[i1]');
    expect(cypher).toContain('MATCH (article0:Article {id: x1.evidenceArticles[i1]})');
    expect(plainParams(params)).toEqual({ p0: 'sessions-subpoena-threat-2018-01-24', p1: 10, p2: 5 });
  });

  it('sends page sizes as integers, as LIMIT requires', async () => {
    const { params } = await statementOf(`{ search(text: "sessions", first: 3) { id } }`);
    expect(Object.values(params)).toContainEqual(neo4j.int(3));
  });

  it('reports a bad argument on its own field and still compiles the others', async () => {
    const compiled = await compile(`{
      ok: entity(id: "jeff-sessions") { id }
      tooMany: search(text: "sessions", first: 101) { id }
      none: search(text: "sessions", first: 0) { id }
    }`);
    expect(compiled.keys).toEqual(['ok']);
    expect(compiled.errors.get('tooMany')?.message).toBe('Argument "first" must be between 1 and 100 (got 101)');
    expect(compiled.errors.get('tooMany')?.extensions.code).toBe('BAD_USER_INPUT');
    expect(compiled.errors.get('none')?.message).toBe('Argument "first" must be between 1 and 100 (got 0)');
  });

  it('rejects a nested page size outside 1..100, naming the field', async () => {
    const compiled = await compile(`{ entity(id: "x") { mentionedIn(first: 1000) { title } } }`);
    expect(compiled.statement).toBeNull();
    expect(compiled.errors.get('entity')?.message).toBe(
      'Argument "mentionedIn(first)" must be between 1 and 100 (got 1000)',
    );
  });

  it('makes no statement when no graph field is asked for', async () => {
    const compiled = await compile(`{ health { ok } }`);
    expect(compiled.statement).toBeNull();
  });
});
