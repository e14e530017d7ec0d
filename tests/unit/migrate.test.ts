import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MigrationError, readMigrations, splitStatements } from '../../src/core/migrate';
import { MIGRATIONS_DIR } from '../../src/core/paths';

describe('splitStatements', () => {
  it('splits at semicolons that end a line and drops comment lines', () => {
    const script =
      '// indexes\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nCREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y);\n';
    expect(splitStatements(script)).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y)',
    ]);
  });

  it('keeps semicolons inside a line (string literals)', () => {
    expect(splitStatements("RETURN 'a;b' AS x;")).toEqual(["RETURN 'a;b' AS x"]);
  });
});

describe('readMigrations', () => {
  async function dirWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
    return dir;
  }

  it('reads the project migrations in numeric order, each with statements and a checksum', async () => {
    const migrations = await readMigrations(MIGRATIONS_DIR);
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    expect(migrations[0]?.id).toBe('001-constraints');
    for (const m of migrations) {
      expect(m.statements.length).toBeGreaterThan(0);
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('rejects a file whose name is not NNN-name.cypher, naming it', async () => {
    const dir = await dirWith({ 'add-index.cypher': 'RETURN 1;' });
    await expect(readMigrations(dir)).rejects.toThrow(
      new MigrationError('add-index.cypher', 'the name must look like 001-short-name.cypher'),
    );
  });

  it('rejects two migrations with one number', async () => {
    const dir = await dirWith({ '001-a.cypher': 'RETURN 1;', '001-b.cypher': 'RETURN 2;' });
    await expect(readMigrations(dir)).rejects.toThrow(/001-b\.cypher.*number 001/);
  });
});
