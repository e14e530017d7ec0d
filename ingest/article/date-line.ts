import { parseIsoDate } from '../annotation/format';

/**
 * Month names as they appear in datelines. Reposted news often keeps the date line of the
 * site that republished it, so Spanish, Italian, Portuguese, French and German names are
 * accepted next to English ones and their common abbreviations.
 */
const MONTH_NAMES: Record<string, number> = {};
const MONTH_SPELLINGS: readonly (readonly string[])[] = [
  ['january', 'jan', 'enero', 'gennaio', 'janeiro', 'janvier', 'januar'],
  ['february', 'feb', 'febrero', 'febbraio', 'fevereiro', 'février', 'fevrier', 'februar'],
  ['march', 'mar', 'marzo', 'março', 'marco', 'mars', 'märz', 'marz'],
  ['april', 'apr', 'abril', 'aprile', 'avril'],
  ['may', 'mayo', 'maggio', 'maio', 'mai'],
  ['june', 'jun', 'junio', 'giugno', 'junho', 'juin', 'juni'],
  ['july', 'jul', 'julio', 'luglio', 'julho', 'juillet', 'juli'],
  ['august', 'aug', 'agosto', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septiembre', 'settembre', 'setembro', 'septembre'],
  ['october', 'oct', 'octubre', 'ottobre', 'outubro', 'octobre', 'oktober'],
  ['november', 'nov', 'noviembre', 'novembre', 'novembro'],
  ['december', 'dec', 'diciembre', 'dicembre', 'dezembro', 'décembre', 'decembre', 'dezember'],
];
MONTH_SPELLINGS.forEach((names, index) => {
  for (const name of names) MONTH_NAMES[name] = index + 1;
});

/** The month number (1-12) of a month name or abbreviation in any of the known languages, or null. */
export function monthNumber(word: string): number | null {
  return MONTH_NAMES[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

const WEEKDAY = String.raw`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)`;
const MONTH_WORD = String.raw`[A-Za-zÀ-ÿ]{3,10}\.?`;
/** "Wednesday, April 12, 2017", "April 11, 2017", "Agosto 4, 2017", "Apr. 11 2017". */
const MONTH_DAY_YEAR = new RegExp(String.raw`^(?:${WEEKDAY},?\s+)?(${MONTH_WORD})\s+(\d{1,2}),?\s+(\d{4})$`, 'i');
/** "Wednesday 12 April 2017", "4 agosto 2017", "12. April 2017". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:${WEEKDAY},?\s+)?(\d{1,2})\.?\s+(?:de\s+)?(${MONTH_WORD})\s+(?:de\s+)?(\d{4})$`,
  'i',
);
const ISO_LINE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Builds YYYY-MM-DD from numbers, or null when it is not a real calendar day. */
export function isoDay(year: number, month: number, day: number): string | null {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(value) ? value : null;
}

/** Parses a line that is nothing but a date (as bylines and blog posts print them) into YYYY-MM-DD, or null. */
export function parseDateLine(line: string): string | null {
  const text = line.trim();
  if (text.length > 40) return null;
  const iso = ISO_LINE.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = monthNumber(mdy[1] ?? '');
    return month ? isoDay(Number(mdy[3]), month, Number(mdy[2])) : null;
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = monthNumber(dmy[2] ?? '');
    return month ? isoDay(Number(dmy[3]), month, Number(dmy[1])) : null;
  }
  return null;
}

/** Normalizes a machine-readable date (ISO timestamp, or a date line) to YYYY-MM-DD, YYYY-MM or YYYY; null if unreadable. */
export function normalizeDateValue(value: string): string | null {
  const text = value.trim();
  const stamp = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text);
  if (stamp?.[1] && parseIsoDate(stamp[1])) return stamp[1];
  if (parseIsoDate(text)) return text;
  return parseDateLine(text);
}
