import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { stringify } from 'yaml';
import { generateArticles } from '../../../bench/generate';
import { readBlockYaml } from '../../../ingest/annotation/block-yaml';
import { ANNOTATIONS_DIR } from '../../../src/core/paths';
import { mulberry32 } from '../../../src/core/random';

const jsYaml = (source: string): unknown => load(source, { schema: CORE_SCHEMA });

/** The fast reader's contract: js-yaml's answer, or undefined (then js-yaml reads the file). */
function expectSameOrOutside(source: string): unknown {
  const fast = readBlockYaml(source);
  if (fast !== undefined) expect(fast).toStrictEqual(jsYaml(source));
  return fast;
}

describe('readBlockYaml', () => {
  it('reads what yaml.stringify writes for the synthetic annotations, exactly as js-yaml does', () => {
    for (const { annotation } of generateArticles({ facts: 3000, factsPerArticle: 300 })) {
      const source = stringify(annotation);
      const fast = readBlockYaml(source);
      expect(fast).not.toBeUndefined();
      expect(fast).toStrictEqual(jsYaml(source));
    }
  });

  it('gives js-yaml answer or none for every curated annotation', () => {
    const files = readdirSync(ANNOTATIONS_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expectSameOrOutside(readFileSync(join(ANNOTATIONS_DIR, f), 'utf8'));
  });

  it('types plain scalars by the core schema: null, booleans, numbers; dates and the rest are strings', () => {
    const source = [
      'a: ~',
      'b: null',
      'c: True',
      'd: false',
      'e: 0.75',
      'f: -12',
      'g: 0x1F',
      'h: .inf',
      'i: 2018-01-24',
      'j: 1e3',
      'k: yes',
      'l: ...',
      'm:',
      'n: nullish',
      'o: "0.5"',
      "p: 'it''s # not a comment'",
      'q: C# and F# # a comment',
      'r: []',
      's: non-breaking\u00A0',
      't: \u2003em space before   # and spaces after',
      '',
    ].join('\n');
    const fast = expectSameOrOutside(source);
    expect(fast).toEqual({
      a: null,
      b: null,
      c: true,
      d: false,
      e: 0.75,
      f: -12,
      g: 31,
      h: Infinity,
      i: '2018-01-24',
      j: 1000,
      k: 'yes',
      l: '...',
      m: null,
      n: 'nullish',
      o: '0.5',
      p: "it's # not a comment",
      q: 'C# and F#',
      r: [],
      s: 'non-breaking\u00A0',
      t: '\u2003em space before',
    });
  });

  it('folds a plain scalar continued on deeper lines, in sequences at or below their key', () => {
    const source = [
      '# a comment',
      'events:',
      '- id: e1',
      '  quotes:',
      '    - The first line of a long quote',
      '      goes on here',
      '  by:',
      '  - a',
      '  -   b',
      'stances:',
      '  -',
      '    actor: x',
      '',
    ].join('\n');
    expect(expectSameOrOutside(source)).toEqual({
      events: [{ id: 'e1', quotes: ['The first line of a long quote goes on here'], by: ['a', 'b'] }],
      stances: [{ actor: 'x' }],
    });
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a flow sequence with content', 'a: [x, y]\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['an escape in double quotes', 'a: "tab\\there"\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\n\t- x\n'],
    ['a repeated key', 'a: 1\na: 2\n'],
    ['a key read as a boolean', 'True: 1\n'],
    ['a comment inside a folded scalar', 'a: one\n  # c\n  two\n'],
    ['a blank line inside a folded scalar', 'a: one\n\n  two\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a multi-line quoted scalar', "a: 'one\n  two'\n"],
    ['a nested mapping indented unevenly', 'a:\n    b: 1\n  c: 2\n'],
    ['a key with a colon in its value', 'a: b: c\n'],
    ['a scalar at the top', 'just text\n'],
    ['a compact nested sequence', 'a:\n  - - x\n'],
    ['a byte-order mark', '\uFEFFa: 1\n'],
    ['a control character', 'a: b\u0007\n'],
    ['Windows line ends', 'a: 1\r\nb: 2\r\n'],
  ])('leaves %s to js-yaml', (_what, source) => {
    expect(readBlockYaml(source)).toBeUndefined();
  });

  it('agrees with js-yaml on stringified mappings of random strings', () => {
    const random = mulberry32(17);
    // Mostly words, with every character that means something in YAML, and some white space that does not, now and then.
    const specials = [...'-_:#\'",.[]{}&*!|>%@`?~\\/\u00A0\u2019\u2003'];
    const letter = (): string =>
      random() < 0.15 ? specials[Math.floor(random() * specials.length)]! : 'ab XYZ019'[Math.floor(random() * 9)]!;
    const text = (): string => Array.from({ length: 1 + Math.floor(random() * 12) }, letter).join('');
    let fastCount = 0;
    for (let n = 0; n < 400; n += 1) {
      const value = {
        title: text(),
        quotes: [text(), `${text()} ${text()} ${text()} ${text()} ${text()}`],
        nested: { name: text(), confidence: random() },
      };
      const source = stringify(value, { lineWidth: 40 });
      if (expectSameOrOutside(source) !== undefined) fastCount += 1;
    }
    // Enough of them go the fast way for the comparison to mean something.
    expect(fastCount).toBeGreaterThan(40);
  });
});
