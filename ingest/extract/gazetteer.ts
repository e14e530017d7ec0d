import type { EntityKind } from '../../src/core/vocabulary';
import type { Annotation, EventLink } from '../annotation/format';
import { normalizeName, surnameOf } from './names';

/** An entity known before reading the article, with every name it has been given. */
export interface GazetteerEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  type?: string;
}

/** An event known before reading the article; its participants help to recognize a second report of it. */
export interface GazetteerEvent {
  id: string;
  type: string;
  name: string;
  date?: string;
  aliases: string[];
  by?: string[];
  targets?: string[];
  concerns?: string[];
}

/** What the extractor knows already: the entities and events of other, curated articles. */
export interface Gazetteer {
  entities: GazetteerEntity[];
  events: GazetteerEvent[];
}

const linkId = (link: EventLink): string => (typeof link === 'string' ? link : link.id);

/** Builds a gazetteer from annotations, merging the aliases of entities and events that share an id. */
export function gazetteerFromAnnotations(annotations: Annotation[]): Gazetteer {
  const entities = new Map<string, GazetteerEntity>();
  const events = new Map<string, GazetteerEvent>();
  for (const annotation of annotations) {
    for (const e of annotation.entities) {
      const known = entities.get(e.id);
      if (known) {
        known.aliases = [...new Set([...known.aliases, ...e.aliases, ...(e.name !== known.name ? [e.name] : [])])];
        known.type ??= e.type;
      } else {
        entities.set(e.id, { id: e.id, kind: e.kind, name: e.name, aliases: [...e.aliases], type: e.type });
      }
    }
    for (const ev of annotation.events) {
      const known = events.get(ev.id);
      const by = ev.by.map(linkId);
      const targets = ev.targets.map(linkId);
      const concerns = ev.concerns.map(linkId);
      if (known) {
        known.aliases = [...new Set([...known.aliases, ...ev.aliases])];
        known.date ??= ev.date;
        known.by = [...new Set([...(known.by ?? []), ...by])];
        known.targets = [...new Set([...(known.targets ?? []), ...targets])];
        known.concerns = [...new Set([...(known.concerns ?? []), ...concerns])];
      } else {
        events.set(ev.id, {
          id: ev.id,
          type: ev.type,
          name: ev.name,
          date: ev.date,
          aliases: [...ev.aliases],
          by,
          targets,
          concerns,
        });
      }
    }
  }
  return { entities: [...entities.values()], events: [...events.values()] };
}

/**
 * Teaches a gazetteer the entities of an annotation just prepared, so that later files of the same run
 * resolve to them instead of creating a second entity: a new id is added, a known id gains the new names
 * as aliases. Events are not learned: an extracted event joins another only through the graph's rules.
 */
export function learnEntities(gazetteer: Gazetteer, annotation: Pick<Annotation, 'entities'>): void {
  const byId = new Map(gazetteer.entities.map((e) => [e.id, e]));
  for (const e of annotation.entities) {
    const known = byId.get(e.id);
    if (known) {
      const names = [e.name, ...e.aliases].filter((n) => n !== known.name);
      known.aliases = [...new Set([...known.aliases, ...names])];
      continue;
    }
    const entity: GazetteerEntity = { id: e.id, kind: e.kind, name: e.name, aliases: [...e.aliases] };
    if (e.type) entity.type = e.type;
    gazetteer.entities.push(entity);
    byId.set(e.id, entity);
  }
}

/** Lookups over a gazetteer: by normalized name or alias, and by a person's surname. */
export class GazetteerIndex {
  private readonly byName = new Map<string, GazetteerEntity[]>();
  private readonly bySurname = new Map<string, GazetteerEntity[]>();

  constructor(readonly gazetteer: Gazetteer) {
    for (const entity of gazetteer.entities) {
      for (const name of [entity.name, ...entity.aliases]) addTo(this.byName, normalizeName(name), entity);
      if (entity.kind === 'person') addTo(this.bySurname, normalizeName(surnameOf(entity.name)), entity);
    }
  }

  /** Entities one of whose names normalizes to the same key as `name`. */
  named(name: string): GazetteerEntity[] {
    return this.byName.get(normalizeName(name)) ?? [];
  }

  /** People whose surname is `surname`. */
  withSurname(surname: string): GazetteerEntity[] {
    return this.bySurname.get(normalizeName(surname)) ?? [];
  }

  /** Every name and alias with its entity, for phrase matching in the text. */
  *names(): Generator<[string, GazetteerEntity]> {
    for (const entity of this.gazetteer.entities) {
      for (const name of new Set([entity.name, ...entity.aliases])) yield [name, entity];
    }
  }
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
