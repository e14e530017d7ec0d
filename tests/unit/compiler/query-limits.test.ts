import { getIntrospectionQuery, parse, validate } from 'graphql';
import { queryCost } from '../../../src/compiler/analysis/cost';
import { aliasCount, aliasLimitRule } from '../../../src/compiler/analysis/alias-limit';
import { depthLimitRule, selectionDepth } from '../../../src/compiler/analysis/depth-limit';
import { knownOperationTypesRule } from '../../../src/compiler/analysis/operation-types';
import { apiSchema } from './compile-support';

const THREE_LEVELS = `{
  entity(id: "sessions-subpoena-threat-2018-01-24") {
    ... on Event {
      opposedBy {
        actor { name ... on Person { roles { title organization { name } evidence { quote } } } }
        evidence { quote article { title } }
      }
    }
  }
}`;

describe('query depth', () => {
  it('counts nested fields through fragments, not introspection', () => {
    const document = parse(`{ entity(id: "x") { ...F } __schema { types { fields { type { ofType { name } } } } } }
      fragment F on Entity { ... on Person { roles { organization { name } } } }`);
    const operation = document.definitions[0]!;
    if (operation.kind !== 'OperationDefinition') throw new Error('no operation');
    const fragments = Object.fromEntries(
      document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
    );
    expect(selectionDepth(operation.selectionSet, (name) => fragments[name])).toBe(4);
  });

  it('rejects operations deeper than the limit with QUERY_TOO_DEEP', async () => {
    const schema = await apiSchema();
    expect(validate(schema, parse(THREE_LEVELS), [depthLimitRule(8)])).toEqual([]);
    const [error] = validate(schema, parse(THREE_LEVELS), [depthLimitRule(5)]);
    expect(error?.message).toBe('Query is nested 6 levels deep; the limit is 5.');
    expect(error?.extensions.code).toBe('QUERY_TOO_DEEP');
  });
});

describe('query cost', () => {
  it('multiplies nested lists by their page sizes, defaults included', async () => {
    const schema = await apiSchema();
    expect(queryCost(schema, parse(`{ search(text: "x") { id name } }`), {})).toBe(1 + 10 * 2);
    expect(queryCost(schema, parse(`{ search(text: "x", first: 100) { id } }`), {})).toBe(1 + 100);
  });

  it('uses variable values, so a large page cannot hide behind a variable', async () => {
    const schema = await apiSchema();
    const document = parse(
      `query ($n: Int) { search(text: "x", first: $n) { ... on Person { roles(first: $n) { title } } } }`,
    );
    expect(queryCost(schema, document, { n: 2 })).toBeLessThan(20);
    expect(queryCost(schema, document, { n: 100 })).toBeGreaterThan(10_000);
  });

  it('does not count introspection, so GraphiQL works under any limit', async () => {
    const schema = await apiSchema();
    expect(queryCost(schema, parse(getIntrospectionQuery({ descriptions: true })), {})).toBe(0);
    expect(validate(schema, parse(getIntrospectionQuery()), [depthLimitRule(3)])).toEqual([]);
  });

  it('lets the three-level example through the default limit of 5000', async () => {
    expect(queryCost(await apiSchema(), parse(THREE_LEVELS), {})).toBeLessThan(5000);
  });
});

describe('query aliases', () => {
  it('counts aliases at every level, a fragment once per spread', () => {
    const document = parse(`{ a: entity(id: "x") { ...F } b: entity(id: "y") { ...F n: name } }
      fragment F on Entity { i: id ... on Person { r: roles { t: title } } }`);
    const operation = document.definitions[0]!;
    if (operation.kind !== 'OperationDefinition') throw new Error('no operation');
    const fragments = Object.fromEntries(
      document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
    );
    expect(aliasCount(operation.selectionSet, (name) => fragments[name])).toBe(2 + 2 * 3 + 1);
  });

  it('stays fast on fragments that spread each other twice, level after level', () => {
    const levels = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Entity { a${i}: id ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const document = parse(`{ entity(id: "x") { ...F0 } } ${levels} fragment F30 on Entity { id }`);
    const operation = document.definitions[0]!;
    if (operation.kind !== 'OperationDefinition') throw new Error('no operation');
    const byName = new Map(
      document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
    );
    expect(aliasCount(operation.selectionSet, (name) => byName.get(name))).toBe(2 ** 30 - 1);
  });

  it('rejects operations with more aliases than the limit with QUERY_TOO_MANY_ALIASES', async () => {
    const schema = await apiSchema();
    const document = parse(`{ a: entity(id: "x") { id } b: entity(id: "y") { id } c: __typename }`);
    expect(validate(schema, document, [aliasLimitRule(3)])).toEqual([]);
    const [error] = validate(schema, document, [aliasLimitRule(2)]);
    expect(error?.message).toBe(
      'Query uses 3 aliases; the limit is 2: send fewer repeated fields, or several requests.',
    );
    expect(error?.extensions).toEqual({ code: 'QUERY_TOO_MANY_ALIASES', aliases: 3, maxAliases: 2 });
  });
});

describe('operation types', () => {
  it('lets queries and mutations through and refuses a subscription over HTTP', async () => {
    const schema = await apiSchema();
    expect(validate(schema, parse('{ entity(id: "x") { id } }'), [knownOperationTypesRule])).toEqual([]);
    expect(validate(schema, parse('mutation { retractArticle(id: "x") { id } }'), [knownOperationTypesRule])).toEqual(
      [],
    );
    const [error] = validate(schema, parse('subscription { articleIngested { seq } }'), [knownOperationTypesRule]);
    expect(error?.message).toBe(
      'Subscriptions are served over WebSocket on this same path (/graphql, graphql-ws protocol), not over HTTP.',
    );
  });
});
