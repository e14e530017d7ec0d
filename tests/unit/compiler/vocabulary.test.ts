import 'reflect-metadata';
import { getNamedType, isEnumType, isInterfaceType, isObjectType } from 'graphql';
import { KIND_LABELS, NODE_KINDS, graphqlKind } from '../../../src/core/vocabulary';
import { compiledFields } from '../../../src/compiler/cypher/type-fields';
import { apiSchema } from './compile-support';

describe('the API and the graph vocabulary stay in step', () => {
  it('has one EntityKind value and one concrete entity type for every kind of the vocabulary', async () => {
    const schema = await apiSchema();
    const kinds = schema.getType('EntityKind');
    const entity = schema.getType('Entity');
    if (!isEnumType(kinds) || !isInterfaceType(entity)) throw new Error('EntityKind or Entity is missing');
    expect(kinds.getValues().map((v) => v.value)).toEqual(NODE_KINDS.map(graphqlKind));
    expect(
      schema
        .getPossibleTypes(entity)
        .map((t) => t.name)
        .sort(),
    ).toEqual(NODE_KINDS.map((kind) => KIND_LABELS[kind]).sort());
  });

  it('can compile every field of every object type the graph queries return', async () => {
    const schema = await apiSchema();
    const compiled = compiledFields();
    // Health, the mutations' results and the subscription payloads are answered by their resolvers (the change
    // log's follower for subscriptions), not by a compiled statement.
    const skip = new Set([
      'Query',
      'Health',
      'PageInfo',
      'Mutation',
      'IngestArticleResult',
      'RetractArticleResult',
      'Subscription',
      'ArticleChange',
      'ChangedArticle',
    ]);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || skip.has(type.name)) continue;
      if (type.name.endsWith('Connection') || (type.name.endsWith('Edge') && type.name !== 'Edge')) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!compiled[type.name]?.includes(field)) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('implements the Entity interface on the six concrete kinds', async () => {
    const schema = await apiSchema();
    const entity = schema.getType('Entity');
    if (!isInterfaceType(entity)) throw new Error('Entity is not an interface');
    expect(
      schema
        .getPossibleTypes(entity)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['Agency', 'Event', 'Jurisdiction', 'Organization', 'Person', 'Program']);
    expect(getNamedType(entity.getFields().mentionedIn!.type).name).toBe('Article');
  });
});
