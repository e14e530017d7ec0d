import 'reflect-metadata';
import type { ManagedTransaction } from 'neo4j-driver';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/core/config';
import { createDriver, Database } from '../src/core/database';
import { silentProgress } from '../src/core/progress';
import { openRuntime, type Runtime } from '../src/neo4j/runtime';
import { freePort } from '../src/core/ports';
import { parseSize } from './generate';
import { loadAll } from './load';
import { BENCH_NEO4J_HEAP, BENCH_NEO4J_PAGECACHE } from './settings';

/**
 * Where the loader's time goes: loads a synthetic size through loadArticles with every statement timed,
 * grouped by its first line. Usage: node dist/bench/profile-load.js 10k (NEO4J_URI/USER/PASSWORD set;
 * loads into that database).
 */

class TimedDatabase extends Database {
  readonly times = new Map<string, { n: number; ms: number }>();
  override async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return super.writeTransaction((tx) => {
      const timed = new Proxy(tx, {
        get: (target, prop, receiver) => {
          if (prop !== 'run') return Reflect.get(target, prop, receiver) as unknown;
          return async (cypher: string, params: Record<string, unknown>) => {
            const t = performance.now();
            const result = await target.run(cypher, params);
            const key = cypher
              .split('\n')
              .filter((l) => !l.trim().startsWith('//'))
              .slice(0, 4)
              .join(' ')
              .replace(/\s+/g, ' ')
              .slice(0, 110);
            const entry = this.times.get(key) ?? { n: 0, ms: 0 };
            entry.n += 1;
            entry.ms += performance.now() - t;
            this.times.set(key, entry);
            return result;
          };
        },
      });
      return work(timed);
    });
  }
}

async function main(): Promise<void> {
  const facts = parseSize(process.argv[2] ?? '10k')!;
  // Its own throw-away Neo4j unless NEO4J_URI is set.
  let runtime: Runtime | null = null;
  let conn = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  if (!process.env.NEO4J_URI) {
    const home = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    runtime = await openRuntime(
      loadConfig({
        NEO4J_LOCAL_DIR: join(home, 'neo4j'),
        NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
        NEO4J_LOCAL_HTTP_PORT: String(await freePort()),
        NEO4J_LOCAL_CLASS_DATA: 'false', // a throw-away home starts once: an archive would only slow its stop
        NEO4J_LOCAL_HEAP: BENCH_NEO4J_HEAP,
        NEO4J_LOCAL_PAGECACHE: BENCH_NEO4J_PAGECACHE,
      }),
      silentProgress,
    );
    conn = { uri: runtime.local!.uri, user: runtime.local!.user, password: runtime.local!.password };
  }
  const db = new TimedDatabase(createDriver(conn), { database: 'neo4j', queryTimeoutMs: 600_000 });
  const t0 = performance.now();
  await loadAll(db, facts);
  const total = performance.now() - t0;
  const rows = [...db.times.entries()].sort((a, b) => b[1].ms - a[1].ms);
  process.stdout.write(`total ${total.toFixed(0)} ms\n`);
  for (const [key, { n, ms }] of rows) {
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${String(n).padStart(5)}× ${key}\n`);
  }
  await db.close();
  await runtime?.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
