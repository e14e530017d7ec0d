import { buildSchema } from 'graphql';
import { printWithTypeDirectives } from '../../src/cli/print-schema';
import { cacheControlDirective } from '../../src/graphql/cache-control';

const DIRECTIVE = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

describe('printWithTypeDirectives', () => {
  it('prints the cache hints of object and interface types, which printSchema leaves out', () => {
    const schema = buildSchema(`${DIRECTIVE}
      interface Node @cacheControl(inheritMaxAge: true) { id: ID! }
      type Health @cacheControl(maxAge: 0) { ok: Boolean! }
      type Thing implements Node { id: ID! }
      type Query { health: Health! thing: Thing }
    `);
    const sdl = printWithTypeDirectives(schema);
    expect(sdl).toContain('type Health @cacheControl(maxAge: 0) {');
    expect(sdl).toContain('interface Node @cacheControl(inheritMaxAge: true) {');
    expect(sdl).toContain('type Thing implements Node {');
    expect(sdl).toContain('directive @cacheControl(');
  });

  it('refuses a hint on a field, which it would drop', () => {
    const schema = buildSchema(`${DIRECTIVE} type Query { now: String @cacheControl(maxAge: 0) }`);
    expect(() => printWithTypeDirectives(schema)).toThrow('Query.now has @cacheControl: put the hint on its type');
  });

  it('declares the directive as Apollo documents it', () => {
    expect(cacheControlDirective.args.map((a) => `${a.name}: ${a.type.toString()}`)).toEqual([
      'maxAge: Int',
      'scope: CacheControlScope',
      'inheritMaxAge: Boolean',
    ]);
  });
});
