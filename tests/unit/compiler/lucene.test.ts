import { escapeLucene, fuzzyQuery, phraseQuery, searchTerms } from '../../../src/compiler/arguments/lucene';

describe('Lucene queries from user text', () => {
  it('escapes every query-syntax character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
  });

  it('keeps words only, lower-cased, so operators in the text are just words', () => {
    expect(searchTerms('Sessions AND NOT "DOJ" (ICE)*')).toEqual(['sessions', 'and', 'not', 'doj', 'ice']);
    expect(searchTerms('Washington, D.C. O’Brien-Smith')).toEqual(['washington', 'd.c', 'o’brien-smith']);
  });

  it('boosts exact terms, makes longer ones fuzzy and adds a phrase for several words', () => {
    expect(fuzzyQuery('sessions')).toBe('(sessions^3 OR sessions~2)');
    expect(fuzzyQuery('Sesions')).toBe('(sesions^3 OR sesions~2)');
    expect(fuzzyQuery('DOJ')).toBe('doj^3');
    expect(fuzzyQuery('Eric Garcetti')).toBe('(eric^3 OR eric~1) OR (garcetti^3 OR garcetti~2) OR "eric garcetti"^4');
    expect(fuzzyQuery('co-op')).toBe('(co\\-op^3 OR co\\-op~1)');
  });

  it('with prefix, lets the last word match the words it starts, once it has two letters', () => {
    expect(fuzzyQuery('eric garc', true)).toBe('(eric^3 OR eric~1) OR (garc^3 OR garc~1 OR garc*) OR "eric garc"^4');
    expect(fuzzyQuery('ga', true)).toBe('(ga^3 OR ga*)');
    expect(fuzzyQuery('g', true)).toBe('g^3');
    expect(fuzzyQuery('co-op', true)).toBe('(co\\-op^3 OR co\\-op~1 OR co\\-op*)');
  });

  it('has no query for text without words', () => {
    expect(fuzzyQuery('?!*')).toBeNull();
    expect(phraseQuery('')).toBeNull();
    expect(phraseQuery('Department of Justice')).toBe('"department of justice"');
  });
});
