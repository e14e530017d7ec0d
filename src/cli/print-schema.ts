import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import {
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  print,
  printSchema,
} from 'graphql';
import { SCHEMA_FILE } from '../core/paths';
import { buildGraphSchema } from '../graphql';

/**
 * graphql's printSchema with the directives of object and interface types (the @cacheControl hints), which it
 * leaves out: the committed SDL shows what a client's tools are told. A directive on a field (other than
 * @deprecated, which printSchema prints) throws: this printer would drop it, so the file would lie.
 */
export function printWithTypeDirectives(schema: GraphQLSchema): string {
  let sdl = printSchema(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const extra = field.astNode?.directives?.filter((d) => d.name.value !== 'deprecated') ?? [];
      if (extra.length > 0)
        throw new Error(`${type.name}.${field.name} has @${extra[0]!.name.value}: put the hint on its type instead`);
    }
    const directives = type.astNode?.directives ?? [];
    if (directives.length === 0) continue;
    const keyword = isObjectType(type) ? 'type' : 'interface';
    const head = new RegExp(`^${keyword} ${type.name}( implements [^{]+)? \\{$`, 'm');
    if (!head.test(sdl)) throw new Error(`the SDL has no line opening ${keyword} ${type.name}`);
    sdl = sdl.replace(head, (line) => `${line.slice(0, -2)} ${directives.map((d) => print(d)).join(' ')} {`);
  }
  return sdl;
}

/** The SDL of the API, sorted so that the committed file changes only when the API does. */
export async function schemaSdl(): Promise<string> {
  return `${printWithTypeDirectives(lexicographicSortSchema(await buildGraphSchema()))}\n`;
}

/** `npm run schema:print`: writes schema/schema.graphql from the type-graphql classes. */
async function main(): Promise<void> {
  await mkdir(dirname(SCHEMA_FILE), { recursive: true });
  await writeFile(SCHEMA_FILE, await schemaSdl());
  process.stdout.write(`Wrote ${relative(process.cwd(), SCHEMA_FILE)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`Could not print the schema: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
