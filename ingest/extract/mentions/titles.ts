/** Name shapes around titles of office: "Police Chief Art Acevedo", "jail spokeswoman Candace Hopkins". */

import { JURISDICTION_OFFICES, MAX_TITLE_WORDS, NOT_NAMES, TITLES, type TitleInfo } from '../lexicon';
import type { ArticleContext } from '../context';
import type { Token } from '../tokens';
import { makeMention, type Mention, onlySpaceBetween } from './mention';

/** Whether a title of office starts at span[s]: "Attorney General" must not lose "Attorney" as a sentence starter. */
export function startsTitle(span: Token[], s: number): boolean {
  for (let len = 1; len <= MAX_TITLE_WORDS && s + len <= span.length; len++) {
    if (TITLES.has(wordsOf(span.slice(s, s + len)))) return true;
  }
  return false;
}

/** The longest title of office inside a span that is followed by a name (words that are not titles themselves). */
export function findTitle(tokens: Token[]): { start: number; end: number; info: TitleInfo } | null {
  for (let start = 0; start < tokens.length - 1; start++) {
    for (let len = Math.min(MAX_TITLE_WORDS, tokens.length - 1 - start); len >= 1; len--) {
      const info = TITLES.get(wordsOf(tokens.slice(start, start + len)));
      const name = tokens.slice(start + len);
      const isName = name[0]?.capitalized === true && !name.some((t) => TITLES.has(t.lower) || NOT_NAMES.has(t.lower));
      if (info && isName) return { start, end: start + len, info };
    }
  }
  return null;
}

/** Where a title that ends the span starts ("United States Attorney General" before a known name), or null. */
export function trailingTitle(tokens: Token[]): number | null {
  for (let start = Math.max(0, tokens.length - MAX_TITLE_WORDS); start < tokens.length; start++) {
    if (TITLES.has(wordsOf(tokens.slice(start)))) return start;
  }
  return null;
}

/** The words of a title as TITLES keys them; "Then-Senator" is looked up as "senator". */
function wordsOf(tokens: Token[]): string {
  return tokens
    .map((t) => t.lower)
    .join(' ')
    .replace(/^(?:then|ex|former)-/, '');
}

/**
 * Gives each person the title of office written right before the name, capitalized or not
 * ("Police Chief Charlie Beck", "jail spokeswoman Candace Hopkins"), and the body named right
 * before the title ("LA" in "LA Mayor"; a place before "Police Chief" stands for its police
 * department, which is added as a mention).
 */
export function attachTitles(ctx: ArticleContext, sentence: number, tokens: Token[], found: Mention[]): Mention[] {
  const added: Mention[] = [];
  for (const person of found) {
    if (person.kind !== 'person' || person.title) continue;
    const at = tokens.findIndex((t) => t.start === person.start);
    let title: { start: number; info: TitleInfo } | null = null;
    for (let len = Math.min(MAX_TITLE_WORDS, at); len >= 1 && !title; len--) {
      const words = tokens.slice(at - len, at);
      const adjacent = words.every((t, k) => k === 0 || onlySpaceBetween(ctx.text, words[k - 1], t));
      const info = TITLES.get(wordsOf(words));
      if (info && adjacent && onlySpaceBetween(ctx.text, words[words.length - 1], tokens[at] as Token)) {
        title = { start: at - len, info };
      }
    }
    if (!title) continue;
    const titleStart = tokens[title.start] as Token;
    const before = found.find(
      (m) => m !== person && m.end <= titleStart.start && /^\s+$/.test(ctx.text.slice(m.end, titleStart.start)),
    );
    // "Miami-Dade Mayor Carlos Gimenez": one word before a mayor's or governor's title is the place, not a surname.
    const office = JURISDICTION_OFFICES.get(title.info.title);
    if (before?.kind === 'person' && before.surnameOnly && office && !before.known) {
      before.kind = 'jurisdiction';
      before.type = /county$/i.test(before.text) ? 'county' : office;
      before.surnameOnly = false;
      before.confidence = 0.75;
    }
    let org = before && before.kind !== 'person' ? before : undefined;
    if (org && org.kind === 'jurisdiction' && /police/i.test(title.info.title)) {
      org = makeMention(
        ctx,
        sentence,
        org.start,
        titleStart.end,
        `${org.name} Police Department`,
        'agency',
        undefined,
        0.75,
      );
      added.push(org);
    }
    const wordBefore = title.start > 0 ? tokens[title.start - 1] : undefined;
    const lowercaseTitle = !titleStart.capitalized;
    // "jail spokeswoman", and before a capitalized title only a jurisdiction's noun: "state Attorney General".
    const precedingNoun =
      !org &&
      wordBefore &&
      (lowercaseTitle || /^(?:state|city|county)$/.test(wordBefore.text)) &&
      onlySpaceBetween(ctx.text, wordBefore, titleStart)
        ? wordBefore
        : undefined;
    person.title = {
      info: title.info,
      start: org?.start ?? titleStart.start,
      org,
      precedingNoun: precedingNoun && !precedingNoun.capitalized ? precedingNoun.lower : undefined,
    };
  }
  return added;
}
