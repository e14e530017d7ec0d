import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../src/core/database';
import { namedQuery } from '../src/core/named-queries';
import { ANNOTATIONS_DIR } from '../src/core/paths';
import type { Annotation } from './annotation/format';
import { type Gazetteer, type GazetteerEntity, type GazetteerEvent, gazetteerFromAnnotations } from './extract';
import { readAnnotation } from './annotation/read';

/** The curated annotation files, parsed; a broken one is left out here (ingesting it reports it). */
export async function curatedAnnotations(dir: string = ANNOTATIONS_DIR): Promise<Annotation[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const out: Annotation[] = [];
  for (const f of files) {
    try {
      out.push(readAnnotation(await readFile(join(dir, f), 'utf8'), f).annotation);
    } catch {
      /* reported when that file itself is ingested */
    }
  }
  return out;
}

function nullsToUndefined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? undefined])) as T;
}

/** What the curated annotation files know: the gazetteer of a dry run that has no database to ask. */
export async function curatedGazetteer(): Promise<Gazetteer> {
  return gazetteerFromAnnotations(await curatedAnnotations());
}

/** Everything known before reading a new article: the graph's entities and events, and the curated files. */
export async function loadGazetteer(db: Database): Promise<Gazetteer> {
  const [row] = await db.read<{ entities: GazetteerEntity[]; events: GazetteerEvent[] }>(
    namedQuery('ingest/gazetteer'),
  );
  const fromFiles = await curatedGazetteer();
  const entities = new Map(fromFiles.entities.map((e) => [e.id, e]));
  for (const e of row?.entities ?? []) {
    const known = entities.get(e.id);
    if (known) known.aliases = [...new Set([...known.aliases, ...e.aliases])];
    else entities.set(e.id, nullsToUndefined(e));
  }
  const events = new Map(fromFiles.events.map((e) => [e.id, e]));
  for (const e of row?.events ?? []) if (!events.has(e.id)) events.set(e.id, nullsToUndefined(e));
  return { entities: [...entities.values()], events: [...events.values()] };
}
