/** The abbreviations of news copy, in one place: the tokenizer, the sentence splitter and the name rules read them. */

/** Courtesy titles; written with or without their period. */
const COURTESY = ['mr', 'mrs', 'ms', 'dr'];

/** Abbreviations that stand before a name, after which a capitalized word never starts a sentence. */
export const NAME_PREFIXES: ReadonlySet<string> = new Set([
  ...COURTESY,
  'st',
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
]);

/**
 * Abbreviations that keep their final period, so that "Mr." or "Calif." is one word, not a sentence
 * end. Abbreviations that are also common words ("Ill.", "No.", "La.") are left out on purpose.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...NAME_PREFIXES,
  'jr',
  'sr',
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

/** Words that precede a name without being a title of office. */
export const HONORIFICS: ReadonlySet<string> = new Set(COURTESY.flatMap((w) => [`${w}.`, w]));
