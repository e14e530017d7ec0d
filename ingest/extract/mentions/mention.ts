/** The Mention record every rule of the mention finder produces. */

import type { EntityKind } from '../../../src/core/vocabulary';
import type { ArticleContext } from '../context';
import type { GazetteerEntity } from '../gazetteer';
import type { TitleInfo } from '../lexicon';
import type { Token } from '../tokens';

/** A stretch of text that names an entity, before it is resolved to an id. */
export interface Mention {
  start: number;
  end: number;
  /** Exactly ctx.text.slice(start, end). */
  text: string;
  /** The name a new entity would get ("Houston Police Department" for "Houston police"). */
  name: string;
  kind: EntityKind;
  type?: string;
  sentence: number;
  confidence: number;
  /** Set when the mention is one of a gazetteer entity's names. */
  known?: GazetteerEntity;
  /** A one-word name that only counts if it refers back to someone named in full. */
  surnameOnly?: boolean;
  /** A title of office written before the name: "Police Chief" in "Houston Police Chief Art Acevedo". */
  title?: { info: TitleInfo; start: number; org?: Mention; precedingNoun?: string };
  /** A definite description ("the judge", "the city") standing for an entity named elsewhere: no new name. */
  coreferent?: boolean;
  /** Filled by resolution. */
  entityId?: string;
}

/** A mention of text[start, end) in a sentence, with what it names. */
export function makeMention(
  ctx: ArticleContext,
  sentence: number,
  start: number,
  end: number,
  name: string,
  kind: EntityKind,
  type: string | undefined,
  confidence: number,
  known?: GazetteerEntity,
): Mention {
  const mention: Mention = { start, end, text: ctx.text.slice(start, end), name, kind, sentence, confidence };
  if (type) mention.type = type;
  if (known) mention.known = known;
  return mention;
}

/** Whether only white space stands between token a and token b, so that they can belong to one name. */
export function onlySpaceBetween(text: string, a: Token | undefined, b: Token): boolean {
  return a !== undefined && /^\s+$/.test(text.slice(a.end, b.start));
}
