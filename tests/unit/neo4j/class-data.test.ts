import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  archiveFolder,
  archivePath,
  dropPartialArchives,
  planClassData,
  promoteArchives,
} from '../../../src/neo4j/class-data';

const JAVA = '17.0.15+6-Debian-1deb12u1';

async function homeWithJars(): Promise<{ home: string; jars: string }> {
  const root = await mkdtemp(join(tmpdir(), 'class-data-'));
  const jars = join(root, 'jars');
  await mkdir(jars);
  await writeFile(join(jars, 'neo4j-server-5.26.30.jar'), 'server');
  await writeFile(join(jars, 'netty-4.1.jar'), 'netty');
  return { home: join(root, 'home'), jars };
}

describe('the class-data archive of the Neo4j JVM', () => {
  it('is keyed by the Neo4j version, the Java runtime build and the jar set', async () => {
    const { home, jars } = await homeWithJars();
    const archive = await archivePath(home, jars, '5.26.30', JAVA);
    expect(archive.startsWith(join(archiveFolder(home), `neo4j-5.26.30-java-${JAVA}-`))).toBe(true);
    expect(await archivePath(home, jars, '5.26.30', JAVA)).toBe(archive);
    expect(await archivePath(home, jars, '5.26.31', JAVA)).not.toBe(archive);
    expect(await archivePath(home, jars, '5.26.30', '21.0.4+7')).not.toBe(archive);
    // A jar replaced by another build of the same name (another size or time) is another jar set.
    await utimes(join(jars, 'netty-4.1.jar'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(await archivePath(home, jars, '5.26.30', JAVA)).not.toBe(archive);
  });

  it('is written at exit to a partial file when missing, and mapped once promoted', async () => {
    const { home, jars } = await homeWithJars();
    const archive = await archivePath(home, jars, '5.26.30', JAVA);
    const first = await planClassData(archive);
    expect(first).toEqual({ flags: [`-XX:ArchiveClassesAtExit=${archive}.partial`], archive, uses: false });

    // The JVM writes the partial file as it exits; the launcher promotes it once the JVM exited on SIGTERM.
    await writeFile(`${archive}.partial`, 'archive');
    await promoteArchives(home);
    expect(existsSync(archive)).toBe(true);
    expect(existsSync(`${archive}.partial`)).toBe(false);

    expect(await planClassData(archive)).toEqual({ flags: [`-XX:SharedArchiveFile=${archive}`], archive, uses: true });
  });

  it('drops an empty partial file instead of promoting it', async () => {
    const { home, jars } = await homeWithJars();
    const archive = await archivePath(home, jars, '5.26.30', JAVA);
    await planClassData(archive);
    await writeFile(`${archive}.partial`, '');
    await promoteArchives(home);
    expect(await readdir(archiveFolder(home))).toEqual([]);
  });

  it('drops only the partial file when the JVM was killed, keeping a whole archive', async () => {
    const { home, jars } = await homeWithJars();
    const archive = await archivePath(home, jars, '5.26.30', JAVA);
    await planClassData(archive);
    await writeFile(archive, 'whole archive');
    await writeFile(`${archive}.partial`, 'cut short');
    await dropPartialArchives(home);
    expect(await readdir(archiveFolder(home))).toEqual([archive.slice(archiveFolder(home).length + 1)]);
  });

  it('removes the archives of other keys (an older Neo4j or Java) when planning a start', async () => {
    const { home, jars } = await homeWithJars();
    const old = await archivePath(home, jars, '5.26.29', JAVA);
    await mkdir(archiveFolder(home), { recursive: true });
    await writeFile(old, 'old archive');
    const archive = await archivePath(home, jars, '5.26.30', JAVA);
    await planClassData(archive);
    expect(existsSync(old)).toBe(false);
  });
});
