import { isoDay, monthNumber } from '../article/date-line';
import { parseIsoDate } from '../annotation/format';
import type { Sentence } from './sentences';

/** A calendar date known to some precision: month and day are absent when not known. */
export interface AnchorDate {
  year: number;
  month?: number;
  day?: number;
}

/** A date expression found in a sentence, resolved to an ISO date of the precision the text supports. */
export interface DateMention {
  start: number;
  end: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  /** Relative expressions ("last month") depend on the anchor and are less certain than written dates. */
  relative: boolean;
  /** "by August 18" is a deadline and "since 2014" a start: neither dates the action itself. */
  role: 'point' | 'deadline' | 'since';
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
const WEEKDAY = String.raw`(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)`;

/**
 * Date expressions, most specific first; each pattern names the parts it captures. Month names
 * need a capital letter to be told from the verb "may" and the noun "march".
 */
const PATTERNS: readonly {
  re: RegExp;
  kind:
    | 'weekday-month-day'
    | 'month-day-year'
    | 'month-day'
    | 'month-year'
    | 'month'
    | 'year'
    | 'weekday'
    | 'last-unit'
    | 'this-unit'
    | 'day-word';
}[] = [
  {
    re: new RegExp(String.raw`\b(${WEEKDAY}),?\s+(${MONTH})\s+(\d{1,2})\b(?!,?\s+\d{4})`, 'gi'),
    kind: 'weekday-month-day',
  },
  { re: new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2}),?\s+(\d{4})\b`, 'gi'), kind: 'month-day-year' },
  { re: new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})`, 'gi'), kind: 'month-day' },
  { re: new RegExp(String.raw`\b(${MONTH})\s+(?:of\s+)?(\d{4})\b`, 'gi'), kind: 'month-year' },
  {
    re: new RegExp(String.raw`\b(?:in|since|until|by|last|this|early|late|mid-?)\s+(${MONTH})\b(?!\s+\d)`, 'gi'),
    kind: 'month',
  },
  { re: /\b((?:19|20)\d{2})\b(?![-–]\d)/g, kind: 'year' },
  { re: new RegExp(String.raw`\b(?:on\s+|earlier\s+|late\s+|last\s+)?(${WEEKDAY})\b`, 'gi'), kind: 'weekday' },
  { re: /\b(?:just\s+)?(last|past|previous)\s+(week|month|year)\b/gi, kind: 'last-unit' },
  { re: /\b(?:earlier\s+|later\s+)?this\s+(week|month|year)\b/gi, kind: 'this-unit' },
  { re: /\b(today|yesterday|a day later|the next day)\b/gi, kind: 'day-word' },
];

/** Finds the date expressions of a sentence and resolves them from the anchor; unresolvable ones are left out. */
export function findDates(sentence: Sentence, anchor: AnchorDate | null): DateMention[] {
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence.text)) !== null) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (/\b(may|march)\b/.test(m[0])) continue; // the verb "may", the noun "march"
      const before = sentence.text.slice(Math.max(0, m.index - 7), m.index).toLowerCase();
      const role =
        /\b(by|until)\s*$/.test(before) || /^(by|until)\b/i.test(m[0])
          ? 'deadline'
          : /\bsince\s*$/.test(before) || /^since\b/i.test(m[0])
            ? 'since'
            : 'point';
      const value = resolve(kind, m, anchor, role === 'deadline');
      if (!value) continue;
      taken.push([start, end]);
      found.push({ start, end, value, relative: !['month-day-year', 'month-year', 'year'].includes(kind), role });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Resolves a match; `ahead` (a deadline) looks forward from the anchor for a date without a year, not back. */
function resolve(
  kind: (typeof PATTERNS)[number]['kind'],
  m: RegExpExecArray,
  anchor: AnchorDate | null,
  ahead: boolean,
): string | null {
  const g = (i: number): string => m[i] ?? '';
  switch (kind) {
    case 'month-day-year':
      return isoDay(Number(g(3)), monthNumber(g(1)) ?? 0, Number(g(2)));
    case 'month-year':
      return monthValue(Number(g(2)), monthNumber(g(1)) ?? 0);
    case 'year':
      return g(1);
    case 'weekday-month-day':
    case 'month-day': {
      const month = monthNumber(kind === 'month-day' ? g(1) : g(2)) ?? 0;
      const day = Number(kind === 'month-day' ? g(2) : g(3));
      if (!anchor) return null;
      // Without a year, a month and day is the latest such day not after the anchor (the next one for a deadline).
      const after =
        anchor.month !== undefined &&
        (month > anchor.month || (month === anchor.month && anchor.day !== undefined && day > anchor.day));
      const before =
        anchor.month !== undefined &&
        (month < anchor.month || (month === anchor.month && anchor.day !== undefined && day < anchor.day));
      const year = ahead ? (before ? anchor.year + 1 : anchor.year) : after ? anchor.year - 1 : anchor.year;
      return isoDay(year, month, day);
    }
    case 'month': {
      const month = monthNumber(g(1)) ?? 0;
      if (!anchor?.month) return null;
      return monthValue(month > anchor.month ? anchor.year - 1 : anchor.year, month);
    }
    case 'weekday':
      return anchor?.day !== undefined && anchor.month !== undefined
        ? lastWeekday(anchor, WEEKDAYS.indexOf(g(1).toLowerCase()))
        : null;
    case 'last-unit':
      return lastUnit(g(2).toLowerCase(), anchor);
    case 'this-unit':
      return thisUnit(g(1).toLowerCase(), anchor);
    case 'day-word':
      return dayWord(g(1).toLowerCase(), anchor);
  }
}

function monthValue(year: number, month: number): string | null {
  const value = `${year}-${String(month).padStart(2, '0')}`;
  return parseIsoDate(value) ? value : null;
}

function toDate(anchor: AnchorDate): Date {
  return new Date(Date.UTC(anchor.year, (anchor.month ?? 1) - 1, anchor.day ?? 1));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The latest given weekday on or before the anchor day: news names the weekday of the past week. */
function lastWeekday(anchor: AnchorDate, weekday: number): string | null {
  if (weekday < 0) return null;
  const date = toDate(anchor);
  const back = (date.getUTCDay() - weekday + 7) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return isoOf(date);
}

/**
 * "last month" and "last year" keep their precision; "last week" (the Monday-to-Sunday week
 * before the anchor's) is only known to its month when the whole week falls in one.
 */
function lastUnit(unit: string, anchor: AnchorDate | null): string | null {
  if (!anchor) return null;
  if (unit === 'year') return String(anchor.year - 1);
  if (anchor.month === undefined) return null;
  if (unit === 'month')
    return anchor.month === 1 ? monthValue(anchor.year - 1, 12) : monthValue(anchor.year, anchor.month - 1);
  if (anchor.day === undefined) return null;
  const sunday = toDate(anchor);
  sunday.setUTCDate(sunday.getUTCDate() - ((sunday.getUTCDay() + 6) % 7) - 1);
  const monday = new Date(sunday);
  monday.setUTCDate(monday.getUTCDate() - 6);
  return monday.getUTCMonth() === sunday.getUTCMonth() ? isoOf(sunday).slice(0, 7) : null;
}

function thisUnit(unit: string, anchor: AnchorDate | null): string | null {
  if (!anchor) return null;
  if (unit === 'year') return String(anchor.year);
  if (anchor.month === undefined) return null;
  return unit === 'month' ? monthValue(anchor.year, anchor.month) : null;
}

function dayWord(word: string, anchor: AnchorDate | null): string | null {
  if (anchor?.day === undefined) return null;
  const date = toDate(anchor);
  if (word === 'yesterday') date.setUTCDate(date.getUTCDate() - 1);
  else if (word !== 'today') return null; // "a day later" is relative to another event, not to the article
  return isoOf(date);
}

/**
 * The date relative expressions are read from: the article's own date when it has one;
 * otherwise a day the text pins down by weekday ("Wednesday, January 24"), placed in the
 * first year, from the latest year the text mentions, in which that day falls on that weekday.
 */
export function articleAnchor(published: string | undefined, sentences: Sentence[]): AnchorDate | null {
  if (published) {
    const [year, month, day] = published.split('-').map(Number);
    if (year !== undefined) return { year, month, day };
  }
  const years = sentences.flatMap((s) => [...s.text.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1])));
  if (years.length === 0) return null;
  const latest = Math.max(...years);
  const pinned = new RegExp(String.raw`\b(${WEEKDAY}),?\s+(${MONTH})\s+(\d{1,2})\b(?!,?\s+\d{4})`, 'i');
  for (const sentence of sentences) {
    const m = pinned.exec(sentence.text);
    if (!m) continue;
    const weekday = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
    const month = monthNumber(m[2] ?? '') ?? 0;
    const day = Number(m[3]);
    for (let year = latest; year <= latest + 7; year++) {
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCDay() === weekday && date.getUTCDate() === day) return { year, month, day };
    }
  }
  return null;
}

/** Whether two ISO dates of any precision can denote the same time: equal on their common prefix. */
export function datesOverlap(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}
