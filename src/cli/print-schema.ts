import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from '../core/paths';
import { buildGraphSchema } from '../graphql';

/** The SDL of the API, sorted so that the committed file changes only when the API does. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphSchema()))}\n`;
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
