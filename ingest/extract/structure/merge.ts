/**
 * Entities of one article that are one: a person named in full and by a short first name, an initial, or the
 * surname alone; a program in the singular and the plural; an acronym and its expansion. The later, weaker
 * entity is folded into the other, keeping its names as aliases. A new person whose name differs from a
 * gazetteer person's only by such a first name takes the gazetteer id.
 */

import type { GazetteerEntity, GazetteerIndex } from '../gazetteer';
import { acronymsOf, normalizeName, surnameOf } from '../names';
import type { EntityTable, ResolvedEntity } from '../resolve';
import { billKey } from './mentions';
import { sameGivenName } from './nicknames';

/** Merges the entities of the table that name one thing. */
export function mergeWithinArticle(table: EntityTable, gazetteer: GazetteerIndex): void {
  for (const entity of [...table.entities.values()]) {
    if (entity.known || entity.kind !== 'person') continue;
    const known = gazetteer.withSurname(surnameOf(entity.name)).filter((k) => samePerson(k.name, entity.name));
    if (known.length === 1 && known[0]) table.fold(table.fromKnown(known[0]), entity);
  }
  for (const entity of [...table.entities.values()]) {
    if (entity.known || entity.kind !== 'program') continue;
    const known = knownProgram(entity.name, gazetteer);
    if (known) table.fold(table.fromKnown(known), entity);
  }
  // "Ian D. Prior" is also "Ian Prior".
  for (const entity of table.entities.values()) {
    if (entity.kind !== 'person') continue;
    const short = entity.name.replace(/\s+\p{Lu}\.(?=\s)/gu, '');
    if (short !== entity.name) entity.aliases.add(short);
  }
  const list = (): ResolvedEntity[] => [...table.entities.values()];
  for (const one of list()) {
    if (one.kind !== 'person' || one.known || one.name.includes(' ')) continue;
    const people = list().filter((p) => p.kind === 'person' && p !== one);
    const sameSurname = people.some((p) => normalizeName(surnameOf(p.name)) === normalizeName(one.name));
    const full = sameSurname ? undefined : firstNameOf(one.name, people);
    if (full) table.fold(full, one);
  }
  for (const a of list()) {
    for (const b of list()) {
      if (a === b || !table.entities.has(a.id) || !table.entities.has(b.id)) continue;
      if (oneEntity(a, b) && keeps(a, b)) table.fold(a, b);
    }
  }
}

/** Words that say nothing of which program a description means. */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'that',
  'which',
  'would',
  'to',
  'of',
  'for',
  'from',
  'in',
  'on',
  'and',
  'or',
  'its',
  'their',
  'it',
  'be',
  'by',
  'with',
  'deemed',
  'so',
  'called',
]);
const HEADS =
  /^(?:(?:an?|the|another)\s+)?(executive order|bill|legislation|resolution|ordinance|directive|law|policy|grants?|program)\b/i;
const stem = (w: string): string => w.toLowerCase().replace(/(?:ies|es|s|ing|ed)$/, '');

/**
 * A program the article describes by what it does ("the executive order that threatened to deny federal
 * funding to sanctuary cities") is a gazetteer program of the same head noun ("Executive order barring
 * sanctuary cities from federal funds") when it shares two content words with it, or one and no other has that head.
 */
function knownProgram(name: string, gazetteer: GazetteerIndex): GazetteerEntity | undefined {
  const head = HEADS.exec(name)?.[1]?.toLowerCase();
  if (!head) return undefined;
  const words = (n: string): Set<string> =>
    new Set(
      normalizeName(n)
        .split(' ')
        .filter((w) => w.length > 2 && !FILLER.has(w))
        .map(stem),
    );
  const mine = words(name.replace(HEADS, ''));
  const candidates = gazetteer.gazetteer.entities.filter(
    (e) => e.kind === 'program' && [e.name, ...e.aliases].some((n) => normalizeName(n).includes(head)),
  );
  const shared = (e: GazetteerEntity): number =>
    Math.max(
      ...[e.name, ...e.aliases].map((n) => [...words(n)].filter((w) => mine.has(w) && !head.includes(w)).length),
    );
  const best = candidates.sort((a, b) => shared(b) - shared(a))[0];
  if (!best) return undefined;
  return shared(best) >= 2 || (candidates.length === 1 && shared(best) >= 1) ? best : undefined;
}

/** Whether a is the entity to keep over b: a known one, else the longer name, else the first. */
function keeps(a: ResolvedEntity, b: ResolvedEntity): boolean {
  if (a.known !== b.known) return a.known;
  if (a.name.length !== b.name.length) return a.name.length > b.name.length;
  return firstStart(a) <= firstStart(b);
}

function firstStart(e: ResolvedEntity): number {
  return Math.min(Infinity, ...e.mentions.map((m) => m.start));
}

function oneEntity(a: ResolvedEntity, b: ResolvedEntity): boolean {
  if (a.known && b.known) return false;
  if (a.kind === 'person' && b.kind === 'person') return samePerson(a.name, b.name);
  if (a.kind === 'program' && b.kind === 'program') {
    const bill = billKey(a.name);
    return singular(a.name) === singular(b.name) || (bill !== null && bill === billKey(b.name));
  }
  const body = (k: string): boolean => k === 'agency' || k === 'organization';
  if (a.kind !== b.kind && !(body(a.kind) && body(b.kind))) return false;
  const acronym = (e: ResolvedEntity): string | null =>
    /^[A-Z]{2,6}$/.test(e.name.replace(/\./g, '')) ? e.name.replace(/\./g, '') : null;
  const ab = acronym(b);
  const aa = acronym(a);
  return (ab !== null && acronymsOf(a.name).includes(ab)) || (aa !== null && acronymsOf(b.name).includes(aa));
}

/** One person: same surname, and first names equal, short forms of one name or initials; a lone surname matches. */
export function samePerson(x: string, y: string): boolean {
  const wx = normalizeName(x).split(' ');
  const wy = normalizeName(y).split(' ');
  if (normalizeName(surnameOf(x)) !== normalizeName(surnameOf(y))) return false;
  if (wx.length === 1 || wy.length === 1) return true;
  return sameGivenName(wx[0] ?? '', wy[0] ?? '');
}

/** A first name alone ("Jeff") for the one person of the article who has it. */
function firstNameOf(one: string, people: ResolvedEntity[]): ResolvedEntity | undefined {
  const word = normalizeName(one);
  const having = people.filter((p) => {
    const words = normalizeName(p.name).split(' ');
    return words.length > 1 && sameGivenName(words[0] ?? '', word);
  });
  return having.length === 1 ? having[0] : undefined;
}

/** A name with its last word in the singular: "grants" = "grant", "policies" = "policy". */
function singular(name: string): string {
  return normalizeName(name)
    .replace(/ies$/, 'y')
    .replace(/(?<![su])s$/, '');
}
