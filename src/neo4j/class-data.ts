import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Java's application class-data sharing (AppCDS, Java 17's dynamic archive) for the Neo4j JVM: the classes a
 * start loads and verifies from ~200 jars are written once to an archive and mapped by later starts, which
 * then skip most class loading. An archive depends on the exact JVM and the exact jars, so its file name
 * carries the Neo4j version, the Java runtime build and a hash of the jar set; any other archive is ignored.
 */

const PARTIAL = '.partial';

/** What the launcher adds to the java command line, and the archive file it concerns. */
export interface ClassDataPlan {
  /** JVM flags: map the archive, or write one when this JVM exits. */
  flags: string[];
  archive: string;
  /** True when this start maps an existing archive; false when it writes one at exit. */
  uses: boolean;
}

/** The folder of a home's archives. */
export function archiveFolder(home: string): string {
  return join(home, 'cds');
}

/** A short hash of the jar set: names, sizes and modification times, so a changed or added jar is a new key. */
async function jarSetHash(jars: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(jars)).filter((n) => n.endsWith('.jar')).sort()) {
    const info = await stat(join(jars, name));
    hash.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The archive's path for this Neo4j version, Java runtime and jar set. */
export async function archivePath(
  home: string,
  jars: string,
  neo4jVersion: string,
  javaRuntime: string,
): Promise<string> {
  const java = javaRuntime.replace(/[^A-Za-z0-9.+-]/g, '_');
  return join(archiveFolder(home), `neo4j-${neo4jVersion}-java-${java}-${await jarSetHash(jars)}.jsa`);
}

/**
 * The flags of one start: -XX:SharedArchiveFile when the archive exists (Java's default -Xshare:auto starts
 * normally if it refuses the file), else -XX:ArchiveClassesAtExit to a partial file that promoteArchives()
 * renames once the JVM has exited, so an archive cut short by a kill is never taken for a whole one.
 * Archives of other keys (an older Neo4j or Java) are removed.
 */
export async function planClassData(archive: string): Promise<ClassDataPlan> {
  const folder = join(archive, '..');
  await mkdir(folder, { recursive: true });
  const name = archive.slice(folder.length + 1);
  for (const other of await readdir(folder)) {
    if (other !== name && other !== `${name}${PARTIAL}`) await rm(join(folder, other), { force: true });
  }
  if (existsSync(archive)) return { flags: [`-XX:SharedArchiveFile=${archive}`], archive, uses: true };
  return { flags: [`-XX:ArchiveClassesAtExit=${archive}${PARTIAL}`], archive, uses: false };
}

/**
 * After a start that mapped the archive: true when the JVM really maps it (its /proc maps name the file). When
 * Java refused it (another JVM build under the same name, a damaged file) it is removed, so the next start
 * writes a new one; Neo4j itself runs on, without sharing.
 */
export async function archiveMapped(pid: number, archive: string): Promise<boolean> {
  let maps: string;
  try {
    maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch {
    // No /proc (not Linux): nothing to check; the JVM's -Xshare:auto has already decided.
    return true;
  }
  if (maps.includes(archive)) return true;
  await rm(archive, { force: true });
  return false;
}

/**
 * Renames the archives written at a JVM's exit (ArchiveClassesAtExit) to their final names. Called only once
 * the JVM has exited after SIGTERM, never after SIGKILL, since only a clean exit finishes the file.
 */
export async function promoteArchives(home: string): Promise<void> {
  const folder = archiveFolder(home);
  if (!existsSync(folder)) return;
  for (const name of await readdir(folder)) {
    if (!name.endsWith(PARTIAL)) continue;
    const partial = join(folder, name);
    if ((await stat(partial)).size > 0) await rename(partial, partial.slice(0, -PARTIAL.length));
    else await rm(partial, { force: true });
  }
}

/** Removes the partial archives of a JVM that was killed: it may have been cut short while writing one. */
export async function dropPartialArchives(home: string): Promise<void> {
  const folder = archiveFolder(home);
  if (!existsSync(folder)) return;
  for (const name of await readdir(folder)) {
    if (name.endsWith(PARTIAL)) await rm(join(folder, name), { force: true });
  }
}
