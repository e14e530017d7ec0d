import 'reflect-metadata';
import { getNamedType, isInterfaceType, isObjectType } from 'graphql';
import { KIND_LABELS } from '../../../src/api/model';
import { compiledFields } from '../../../src/api/type-fields';
import { EntityKind } from '../../../src/schema/entity';
import { apiSchema } from './compile-support';

describe('the API and the graph model stay in step', () => {
  it('has a label for every entity kind of the schema', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual(Object.values(EntityKind).sort());
  });

  it('can compile every field of every object type the graph queries return', async () => {
    const schema = await apiSchema();
    const compiled = compiledFields();
    const skip = new Set(['Query', 'Health', 'PageInfo']);
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
