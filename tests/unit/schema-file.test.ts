import { readFile } from 'node:fs/promises';
import { schemaSdl } from '../../src/cli/print-schema';
import { SCHEMA_FILE } from '../../src/core/paths';

describe('schema/schema.graphql', () => {
  it('is the SDL the type-graphql classes generate', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    const generated = await schemaSdl();
    if (committed !== generated) {
      throw new Error(
        'schema/schema.graphql is out of date with the type-graphql classes: run `npm run schema:print` and commit the result.',
      );
    }
  });
});
