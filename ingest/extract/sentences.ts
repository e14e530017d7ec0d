import { ABBREVIATIONS, NAME_PREFIXES } from './lexicon/abbreviations';

/** One sentence of the article: its text is exactly text.slice(start, end), so it is always a verbatim quote. */
export interface Sentence {
  index: number;
  /** Lines are paragraphs in plain-text news; quotes and speakers are looked for within one. */
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** Words that start sentences; after an abbreviation they tell a sentence end from "U.S. Conference". */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'our',
  'in',
  'on',
  'at',
  'but',
  'and',
  'so',
  'if',
  'when',
  'while',
  'after',
  'since',
  'as',
  'there',
  'some',
  'many',
  'most',
  'no',
  'one',
  'last',
  'earlier',
  'however',
  'for',
  'to',
  'with',
  'from',
]);

/** Splits the article into sentences, one paragraph (line) at a time, never inside a balanced quotation. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const lines = /[^\n]+/g;
  let line: RegExpExecArray | null;
  let paragraph = 0;
  while ((line = lines.exec(text)) !== null) {
    if (line[0].trim().length === 0) continue;
    const lineStart = line.index;
    const lineText = line[0];
    const ends = sentenceEnds(lineText, true) ?? sentenceEnds(lineText, false) ?? [];
    let from = 0;
    for (const end of [...ends, lineText.length]) {
      pushTrimmed(sentences, text, lineStart + from, lineStart + end, paragraph);
      from = end;
    }
    paragraph++;
  }
  return sentences;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end - start < 2) return;
  out.push({ index: out.length, paragraph, start, end, text: text.slice(start, end) });
}

/**
 * Offsets (within the line) where sentences end. With `respectQuotes`, a terminator inside an
 * open quotation does not end the sentence; if the line's quotation marks do not balance, null
 * is returned so that the caller can split without them.
 */
function sentenceEnds(line: string, respectQuotes: boolean): number[] | null {
  const ends: number[] = [];
  let depth = 0;
  let straightOpen = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    // Single curly quotes double as apostrophes, so only double quotation marks are tracked.
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if (ch === '"') straightOpen = !straightOpen;
    if (!/[.!?]/.test(ch)) continue;
    let end = i + 1;
    while (end < line.length && /[.!?"”’)\]]/.test(line[end] ?? '')) {
      const closing = line[end];
      if (closing === '”') depth = Math.max(0, depth - 1);
      else if (closing === '"') straightOpen = !straightOpen;
      end++;
    }
    i = end - 1;
    if (respectQuotes && (depth > 0 || straightOpen)) continue;
    if (end < line.length && !/\s/.test(line[end] ?? '')) continue;
    if (isSentenceEnd(line, i, end)) ends.push(end);
  }
  if (respectQuotes && (depth > 0 || straightOpen)) return null;
  return ends;
}

/** Decides whether the terminator before `end` closes a sentence, looking at the word before and after it. */
function isSentenceEnd(line: string, lastTerminator: number, end: number): boolean {
  const rest = line.slice(end).trimStart();
  if (rest.length === 0) return true;
  const next = rest[0] ?? '';
  if (/\p{Ll}/u.test(next)) return false;
  const before = /([\p{L}.]+)\.$/u.exec(line.slice(0, lastTerminator + 1))?.[1] ?? '';
  if (line[lastTerminator] !== '.' || before === '') return true;
  const word = before.toLowerCase();
  const nextWord = (/^[\p{L}]+/u.exec(rest)?.[0] ?? '').toLowerCase();
  if (NAME_PREFIXES.has(word)) return false;
  if (/^\p{Lu}$/u.test(before)) return false; // a middle initial: "Jorge L. Baron"
  const abbreviated = ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(before);
  if (abbreviated) return /\d/.test(next) ? false : SENTENCE_STARTERS.has(nextWord);
  return true;
}
