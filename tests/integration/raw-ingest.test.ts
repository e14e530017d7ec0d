import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation } from '../../ingest/annotation/format';
import { ingestPaths } from '../../ingest/pipeline';
import { startApp, type RunningApp } from '../../src/server/app';
import { createLogger } from '../../src/core/logger';
import type { Database } from '../../src/core/database';
import { PROJECT_ROOT } from '../../src/core/paths';
import { silentProgress } from '../../src/core/progress';
import { clearGraph, testConfig, testDatabase } from '../support/database';
import { graphql } from '../support/http';

const NEW_ARTICLE = join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'new-article.txt');

let db: Database;
let app: RunningApp;
let dir: string;

async function counts(): Promise<{ nodes: number; rels: number }> {
  const [row] = await db.read<{ nodes: number; rels: number }>(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return row!;
}

beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
  await ingestPaths(db, [], { progress: silentProgress });
  app = await startApp({ config: testConfig(), db, logger: createLogger({ env: 'test', level: 'silent' }) });
  dir = await mkdtemp(join(tmpdir(), 'raw-'));
  await copyFile(NEW_ARTICLE, join(dir, 'new-article.txt'));
});
afterAll(async () => {
  await app.stop();
  await clearGraph(db);
  await db.close();
});

describe('a raw article with no annotation', () => {
  it('can be extracted in a dry run, which prints the annotation and writes nothing', async () => {
    const before = await counts();
    const printed: Annotation[] = [];
    const summary = await ingestPaths(db, [join(dir, 'new-article.txt')], {
      progress: silentProgress,
      dryRun: (annotation) => printed.push(annotation),
    });
    expect(summary.outcomes.map((o) => o.status)).toEqual(['checked']);
    expect(printed[0]?.origin).toBe('extracted');
    expect(printed[0]?.stances.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('is extracted and loaded end to end, resolving known entities instead of duplicating them', async () => {
    const summary = await ingestPaths(db, [dir], { progress: silentProgress });
    expect(summary.outcomes.map((o) => [o.status, o.origin, o.error])).toEqual([['created', 'extracted', undefined]]);
    const sessions = await db.read<{ n: number }>(
      "MATCH (p:Person) WHERE p.name = 'Jeff Sessions' OR 'Sessions' IN p.aliases RETURN count(p) AS n",
    );
    expect(sessions[0]!.n).toBe(1);
    const people = await db.read<{ id: string }>(
      "MATCH (:Article {id: 'new-article'})-[:MENTIONS]->(p:Person) RETURN p.id AS id ORDER BY id",
    );
    expect(people.map((p) => p.id)).toEqual(expect.arrayContaining(['jeff-sessions', 'jim-kenney', 'michael-baylson']));
  });

  it('shows its stances in the API with the sentence they were read from', async () => {
    const { body } = await graphql(
      app.url,
      `
        {
          stances(kind: OPPOSED, actor: "Jeff Sessions") {
            actor {
              name
            }
            target {
              name
            }
            evidence {
              quote
              article {
                id
              }
            }
          }
        }
      `,
    );
    expect(body.errors).toBeUndefined();
    const stances = body.data!.stances as {
      actor: { name: string };
      evidence: { quote: string; article: { id: string } }[];
    }[];
    // Jeff Sessions has curated stances too: the one read from the new article carries its sentence.
    const evidence = stances.flatMap((s) => s.evidence).filter((e) => e.article.id === 'new-article');
    expect(stances.every((s) => s.actor.name === 'Jeff Sessions')).toBe(true);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence[0]!.quote).toContain('protect criminal aliens');
  });

  it('changes nothing when ingested again', async () => {
    const before = await counts();
    const summary = await ingestPaths(db, [dir], { progress: silentProgress });
    expect(summary.outcomes.map((o) => o.status)).toEqual(['unchanged']);
    expect(await counts()).toEqual(before);
  });
});

describe('bad raw input', () => {
  const cases: [string, string, Buffer | string, RegExp][] = [
    ['empty', 'empty.txt', '  \n\n ', /empty\.txt: file is empty/],
    ['binary', 'binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x02, 0x01]), /binary\.txt: file looks binary/],
    [
      'enormous',
      'enormous.txt',
      'Sessions threatened cities. '.repeat(120_000),
      /enormous\.txt: file is \d+ bytes, over the/,
    ],
    [
      'in a wrong encoding',
      'latin1.txt',
      Buffer.from('Sessions amena\xe7\xf3 a las ciudades santuario.', 'latin1'),
      /latin1\.txt: file is not valid UTF-8/,
    ],
    [
      'HTML with no text',
      'no-text.html',
      '<html><head><title>x</title><script>var a=1</script></head><body><nav> </nav></body></html>',
      /no-text\.html: no article text/,
    ],
  ];

  it.each(cases)(
    '%s gets a clear error naming the file, and leaves the graph unchanged',
    async (_name, file, content, message) => {
      const bad = await mkdtemp(join(tmpdir(), 'bad-raw-'));
      await writeFile(join(bad, file), content);
      const before = await counts();
      const summary = await ingestPaths(db, [bad], { progress: silentProgress });
      expect(summary.outcomes).toHaveLength(1);
      expect(summary.outcomes[0]!.status).toBe('failed');
      expect(summary.outcomes[0]!.error).toMatch(message);
      expect(await counts()).toEqual(before);
    },
  );
});
