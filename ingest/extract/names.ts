/** Name normalization shared by the gazetteer, resolution and evaluation. */

/** Plain quotes and apostrophes for typographic ones, so that "Sessions’" and "Sessions'" compare equal. */
function plainQuotes(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"');
}

/**
 * The comparison key of a name: lowercase, no accents, no periods ("U.S." = "US"), no
 * possessive, no leading "the", quotes and hyphens as spaces, whitespace collapsed.
 */
export function normalizeName(name: string): string {
  return plainQuotes(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/\./g, '')
    .replace(/["'‘’,()\-–—/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A slug for a new entity or event id: lowercase ASCII words joined by single hyphens. */
export function slugify(text: string, maxLength = 60): string {
  const slug = normalizeName(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'entity';
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
}

/** Words that do not count toward an acronym ("Department of Homeland Security" = DHS). */
const ACRONYM_FILLERS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'us', 'u.s.', '&']);

/** The acronyms a name may be abbreviated to: initials of the content words, and of all words. */
export function acronymsOf(name: string): string[] {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  const content = words.filter((w) => !ACRONYM_FILLERS.has(w.toLowerCase()));
  const initials = (ws: string[]): string =>
    ws
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase();
  return [...new Set([initials(content), initials(words)])].filter((a) => a.length >= 2);
}

/** Similarity of two names in [0, 1]: the Dice coefficient of their character bigrams. */
export function nameSimilarity(a: string, b: string): number {
  const grams = (s: string): Map<string, number> => {
    const map = new Map<string, number>();
    const text = normalizeName(s).replace(/ /g, '');
    for (let i = 0; i < text.length - 1; i++) {
      const gram = text.slice(i, i + 2);
      map.set(gram, (map.get(gram) ?? 0) + 1);
    }
    return map;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of ga) {
    shared += Math.min(count, gb.get(gram) ?? 0);
    total += count;
  }
  for (const count of gb.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The last word of a person's name, the one news copy uses alone ("de Blasio" keeps its particle). */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2];
  return before && /^(de|da|del|della|di|du|la|le|van|von|der|st\.?)$/i.test(before) ? `${before} ${last}` : last;
}

/**
 * Short and familiar forms of English first names, each group one name: "Dave" is "David", "Jim" is
 * "James". A general table of the language, not of any article.
 */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['david', 'dave', 'davey'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['william', 'bill', 'billy', 'will', 'willie', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'rick', 'ricky', 'dick', 'rich', 'richie'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['anthony', 'tony'],
  ['daniel', 'dan', 'danny'],
  ['christopher', 'chris'],
  ['matthew', 'matt'],
  ['andrew', 'andy', 'drew'],
  ['steven', 'stephen', 'steve'],
  ['jeffrey', 'jeff', 'geoffrey', 'geoff'],
  ['gregory', 'greg'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['timothy', 'tim', 'timmy'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['nicholas', 'nick', 'nicky'],
  ['alexander', 'alex', 'al'],
  ['albert', 'al'],
  ['lawrence', 'larry'],
  ['raymond', 'ray'],
  ['gerald', 'jerry', 'gerry'],
  ['jerome', 'jerry'],
  ['peter', 'pete'],
  ['patrick', 'pat'],
  ['philip', 'phillip', 'phil'],
  ['frederick', 'fred', 'freddie'],
  ['francis', 'frank'],
  ['franklin', 'frank'],
  ['harold', 'harry', 'hal'],
  ['henry', 'hank', 'harry'],
  ['leonard', 'len', 'lenny', 'leo'],
  ['douglas', 'doug'],
  ['eugene', 'gene'],
  ['vincent', 'vince'],
  ['zachary', 'zach', 'zack'],
  ['elizabeth', 'liz', 'beth', 'betsy', 'betty', 'eliza', 'lisa'],
  ['margaret', 'maggie', 'peggy', 'meg', 'marge'],
  ['katherine', 'catherine', 'kathryn', 'kathy', 'kate', 'katie', 'cathy'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['jennifer', 'jen', 'jenny'],
  ['susan', 'sue', 'susie'],
  ['deborah', 'debra', 'deb', 'debbie'],
  ['rebecca', 'becky'],
  ['victoria', 'vicky', 'tori'],
  ['christine', 'christina', 'chris', 'tina'],
  ['barbara', 'barb'],
  ['jacqueline', 'jackie'],
  ['kimberly', 'kim'],
  ['pamela', 'pam'],
  ['cynthia', 'cindy'],
  ['theodore', 'ted', 'teddy'],
  ['nathaniel', 'nathan', 'nate'],
  ['jonathan', 'jon'],
  ['john', 'jack', 'johnny'],
];
const NICKNAMES = new Map<string, Set<string>>();
for (const group of NICKNAME_GROUPS) {
  for (const name of group) NICKNAMES.set(name, new Set([...(NICKNAMES.get(name) ?? []), ...group]));
}

/** Whether two first names are one: equal, a short or familiar form of the other, or its initial ("J."). */
export function sameFirstName(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return NICKNAMES.get(x)?.has(y) === true;
}

/**
 * Whether two people's names name one person: the same surname, and first names that are one
 * (sameFirstName); middle names and initials are ignored ("Sozi Pedro Tulante" = "Sozi Tulante",
 * "Dave Cortese" = "David Cortese", "J. Kenney" = "Jim Kenney"). One-word names never match here.
 */
export function samePersonName(a: string, b: string): boolean {
  const words = (n: string): string[] =>
    normalizeName(n)
      .split(' ')
      .filter((w) => !/^(?:jr|sr|ii|iii|iv)$/.test(w));
  const x = words(a);
  const y = words(b);
  if (x.length < 2 || y.length < 2) return false;
  if (normalizeName(surnameOf(a)) !== normalizeName(surnameOf(b))) return false;
  return sameFirstName(x[0] ?? '', y[0] ?? '');
}

/** The singular of a plural last word ("grants" -> "grant", "policies" -> "policy"), for program names. */
export function singularName(name: string): string {
  return normalizeName(name)
    .replace(/ies$/, 'y')
    .replace(/(?<=[^s])s$/, '');
}
