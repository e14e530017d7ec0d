/**
 * A small general table of English short forms of given names ("Bill" = William), so that one person named
 * two ways is one entity. Each group is one name; it lists no one of any article.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['william', 'bill', 'billy', 'will', 'willie'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'dick', 'rick', 'ricky', 'rich'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon'],
  ['michael', 'mike', 'mikey'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['charles', 'chuck', 'charlie'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['theodore', 'ted', 'teddy'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davey'],
  ['steven', 'steve'],
  ['stephen', 'steve'],
  ['anthony', 'tony'],
  ['andrew', 'andy', 'drew'],
  ['christopher', 'chris'],
  ['matthew', 'matt'],
  ['patrick', 'pat'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['katherine', 'kate', 'kathy', 'katie'],
  ['catherine', 'cathy', 'kate'],
  ['elizabeth', 'liz', 'beth', 'betsy', 'lizzie'],
  ['margaret', 'maggie', 'peggy', 'meg'],
  ['jennifer', 'jen', 'jenny'],
  ['susan', 'sue', 'suzy'],
  ['alexander', 'alex'],
  ['alexandra', 'alex', 'sandra'],
  ['samuel', 'sam'],
  ['benjamin', 'ben'],
  ['nicholas', 'nick'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff'],
  ['jefferson', 'jeff'],
  ['gerald', 'jerry'],
  ['jerome', 'jerry'],
  ['lawrence', 'larry'],
  ['ronald', 'ron'],
  ['donald', 'don'],
  ['kenneth', 'ken'],
  ['timothy', 'tim'],
  ['deborah', 'deb', 'debbie'],
  ['rebecca', 'becky'],
  ['victoria', 'vicky'],
  ['mitchell', 'mitch'],
  ['frederick', 'fred'],
  ['leonard', 'len', 'lenny'],
  ['raymond', 'ray'],
  ['gabriel', 'gabe'],
  ['zachary', 'zach'],
  ['kimberly', 'kim'],
  ['rebekah', 'becky'],
  ['cynthia', 'cindy'],
  ['barbara', 'barb'],
  ['pamela', 'pam'],
  ['jacqueline', 'jackie'],
];

const BY_NAME = new Map<string, Set<number>>();
GROUPS.forEach((group, i) => {
  for (const name of group) {
    const set = BY_NAME.get(name) ?? new Set<number>();
    set.add(i);
    BY_NAME.set(name, set);
  }
});

/**
 * Whether two given names can be one person's: equal, one the short form of the other, or one an
 * initial of the other ("J." and "Jeff").
 */
export function sameGivenName(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  const gx = BY_NAME.get(x);
  const gy = BY_NAME.get(y);
  return gx !== undefined && gy !== undefined && [...gx].some((g) => gy.has(g));
}
