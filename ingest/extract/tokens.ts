import { ABBREVIATIONS } from './lexicon/abbreviations';

/** A word of the article with its position, so that every fact can quote the text it came from. */
export interface Token {
  /** The word as written, without a possessive 's. */
  text: string;
  /** Lowercase, typographic apostrophes made plain. */
  lower: string;
  start: number;
  end: number;
  /** Written with a capital first letter (or a digit-free acronym). */
  capitalized: boolean;
  /** Two or more capitals and no lowercase letter: "ICE", "U.S.", "LAPD". */
  acronym: boolean;
  possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*/gu;

/** Splits text[start, end) into words; punctuation is skipped, dotted abbreviations keep their period. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text)) !== null && match.index < end) {
    let word = match[0];
    let wordEnd = match.index + word.length;
    if (wordEnd > end) break;
    if (text[wordEnd] === '.' && keepsPeriod(word)) {
      word += '.';
      wordEnd += 1;
      WORD.lastIndex = wordEnd;
    }
    const possessive = /['’]s$/i.test(word) && word.length > 2;
    if (possessive) {
      word = word.slice(0, -2);
      wordEnd -= 2;
    }
    const letters = word.replace(/[^\p{L}]/gu, '');
    tokens.push({
      text: word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      start: match.index,
      end: wordEnd,
      capitalized: /^\p{Lu}/u.test(word),
      acronym: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
      possessive,
    });
  }
  return tokens;
}

/** "U.S", "L.A", "N.M" (dotted initials), single initials ("L" in "Jorge L. Baron") and known abbreviations. */
function keepsPeriod(word: string): boolean {
  return /^(\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}
