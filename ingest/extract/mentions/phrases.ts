/** Names the gazetteer already knows, found word for word. */

import type { ArticleContext } from '../context';
import type { GazetteerEntity } from '../gazetteer';
import { NOT_NAMES } from '../lexicon';
import { tokenize, type Token } from '../tokens';
import { makeMention, type Mention, onlySpaceBetween } from './mention';
import { findTitle } from './titles';

/** A gazetteer name as words, matched against the tokens of a sentence. */
export interface Phrase {
  words: string[];
  entity: GazetteerEntity;
  /** One-word names must match case and all: "Sessions" but not "sessions", "ICE" but not "ice". */
  exactCase: boolean;
  original: string[];
}

/** The gazetteer's names as word sequences, by first word, longest first. */
export function phraseTable(ctx: ArticleContext): Map<string, Phrase[]> {
  const table = new Map<string, Phrase[]>();
  for (const [name, entity] of ctx.gazetteer.names()) {
    const tokens = tokenize(name);
    if (tokens[0]?.lower === 'the' && tokens.length > 1) tokens.shift();
    // "Attorney General Jeff Sessions" is left to the title rules, which also read the role.
    if (tokens.length === 0 || (entity.kind === 'person' && findTitle(tokens) !== null)) continue;
    const phrase = {
      words: tokens.map((t) => t.lower),
      original: tokens.map((t) => t.text),
      entity,
      exactCase: tokens.length === 1,
    };
    const first = phrase.words[0] ?? '';
    table.set(first, [...(table.get(first) ?? []), phrase]);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

/** Gazetteer names found in the sentence, longest first, never overlapping. */
export function matchPhrases(
  ctx: ArticleContext,
  sentence: number,
  tokens: Token[],
  table: Map<string, Phrase[]>,
): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = table.get(tokens[i]?.lower ?? '') ?? [];
    const hit = candidates.find((p) =>
      p.words.every((w, k) => {
        const t = tokens[i + k];
        if (!t || t.lower !== w) return false;
        if (k > 0 && !onlySpaceBetween(ctx.text, tokens[i + k - 1], t)) return false;
        return !p.exactCase || t.text === p.original[k];
      }),
    );
    if (!hit) continue;
    const first = tokens[i];
    const last = tokens[i + hit.words.length - 1];
    if (!first || !last) continue;
    // "Bernalillo County Commission" and "LA Mayor Eric Garcetti" are longer names: the span rules read them.
    const next = tokens[i + hit.words.length];
    if (next?.capitalized && !last.possessive && onlySpaceBetween(ctx.text, last, next)) continue;
    if (hit.exactCase && i === 0 && NOT_NAMES.has(first.lower) && !first.acronym) continue;
    found.push(
      makeMention(
        ctx,
        sentence,
        first.start,
        last.end,
        hit.entity.name,
        hit.entity.kind,
        hit.entity.type,
        0.95,
        hit.entity,
      ),
    );
    i += hit.words.length - 1;
  }
  return found;
}
