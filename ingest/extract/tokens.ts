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

/**
 * Abbreviations that keep their final period, so that "Mr." or "Calif." is one word, not a sentence
 * end. Abbreviations that are also common words ("Ill.", "No.", "La.") are left out on purpose.
 */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'atty',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'prof',
  'rev',
  'hon',
  'dept',
  'inc',
  'co',
  'corp',
  'ltd',
  'vs',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ala',
  'ariz',
  'ark',
  'calif',
  'cal',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'kan',
  'ky',
  'md',
  'mass',
  'mich',
  'minn',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
  'ft',
  'mt',
  'ave',
  'blvd',
]);

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
