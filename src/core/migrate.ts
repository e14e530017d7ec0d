import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Progress } from './progress';
import type { Database } from './database';
import { namedQuery } from './named-queries';

/** A migration file could not be applied; names the file and carries Neo4j's message. */
export class MigrationError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`Migration ${file} failed: ${message}`);
    this.name = 'MigrationError';
  }
}

export interface Migration {
  id: string;
  file: string;
  checksum: string;
  statements: string[];
}

const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.cypher$/;

/** Splits a Cypher script into statements at semicolons that end a line; `//` comment lines are dropped. */
export function splitStatements(script: string): string[] {
  const lines = script.split('\n').filter((line) => !line.trim().startsWith('//'));
  return lines
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads cypher/migrations/NNN-name.cypher files in order; other files there are an error. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  const seen = new Set<string>();
  return Promise.all(
    files.map(async (file) => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1]) throw new MigrationError(file, 'the name must look like 001-short-name.cypher');
      if (seen.has(match[1])) throw new MigrationError(file, `another migration also has number ${match[1]}`);
      seen.add(match[1]);
      const script = await readFile(join(dir, file), 'utf8');
      return {
        id: file.replace(/\.cypher$/, ''),
        file,
        checksum: createHash('sha256').update(script).digest('hex'),
        statements: splitStatements(script),
      };
    }),
  );
}

/** What a migration run did. */
export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

/** A migration recorded in the database: its id and the checksum of the file it was applied from. */
export interface RecordedMigration {
  id: string;
  checksum: string;
}

/** The migrations not recorded yet, in order; a recorded one whose file has changed since is an error. */
function pending(migrations: Migration[], rows: RecordedMigration[]): Migration[] {
  const recorded = new Map(rows.map((r) => [r.id, r.checksum]));
  return migrations.filter((m) => {
    const checksum = recorded.get(m.id);
    if (checksum === undefined) return true;
    if (checksum !== m.checksum) {
      throw new MigrationError(m.file, 'it was applied before and has changed since; add a new migration instead');
    }
    return false;
  });
}

/**
 * Applies the migrations not yet recorded in the database, in order, and records each one as a
 * (:_Migration) node. A recorded migration whose file has changed since is an error, not a silent re-run.
 * `recorded` is what the caller already read of the records (the service's one start-up read, in the same
 * lock); without it they are read here.
 */
export async function migrate(
  db: Database,
  dir: string,
  progress: Progress,
  recorded?: RecordedMigration[],
): Promise<MigrationReport> {
  const migrations = await readMigrations(dir);
  const all = migrations.map((m) => m.id);
  // Most starts find every file recorded: the read alone answers, without the constraint's schema transaction.
  const first = recorded ?? (await db.read<RecordedMigration>(namedQuery('migrate/recorded')));
  if (pending(migrations, first).length === 0) return { applied: [], skipped: all };
  await db.runSchema(namedQuery('migrate/constraint'));
  const rows = await db.read<RecordedMigration>(namedQuery('migrate/recorded'));
  const report: MigrationReport = { applied: [], skipped: [] };
  const todo = new Set(pending(migrations, rows).map((m) => m.id));
  for (const m of migrations) {
    if (!todo.has(m.id)) {
      report.skipped.push(m.id);
      continue;
    }
    progress.info(`Applying migration ${m.file}…`);
    for (const statement of m.statements) {
      try {
        await db.runSchema(statement);
      } catch (err) {
        throw new MigrationError(m.file, (err as Error).message);
      }
    }
    await db.write(namedQuery('migrate/record'), {
      id: m.id,
      checksum: m.checksum,
    });
    report.applied.push(m.id);
  }
  return report;
}

/** True when every migration file is recorded in the database (the readiness check). */
export async function migrationsApplied(db: Database, dir: string): Promise<boolean> {
  const migrations = await readMigrations(dir);
  const rows = await db.read<{ ids: string[] }>(namedQuery('migrate/applied-ids'));
  const ids = new Set(rows[0]?.ids ?? []);
  return migrations.every((m) => ids.has(m.id));
}
