import { CORE_SCHEMA, NOT_RESOLVED, type ScalarTagDefinition } from 'js-yaml';

/**
 * A fast reader for the plain block YAML that annotations are written in (what `yaml`'s stringify emits:
 * block mappings and sequences, plain and quoted one-line scalars, plain scalars folded over several lines,
 * `[]` and `{}`, comments). It answers exactly what js-yaml's `load` with the core schema answers, or
 * `undefined` for anything outside that subset (anchors, tags, flow collections with content, block scalars,
 * escapes, tabs, duplicate keys, syntax errors...), which the caller then reads with js-yaml. Why: js-yaml was
 * two thirds of checking a folder of large annotations, and most of its time goes to generality these files
 * never use. It never throws and never decides a file is wrong: errors and their lines stay js-yaml's and
 * `yaml`'s (read.ts).
 */
export function readBlockYaml(source: string): unknown {
  // What js-yaml rejects or reads specially is left to it: non-printable characters (the same test as
  // js-yaml's), a byte-order mark, tabs, carriage returns.
  // Printable ASCII and line feeds, the common case, needs no closer look: one scan instead of four.
  if (
    NOT_PLAIN_ASCII.test(source) &&
    (NON_PRINTABLE.test(source) || source.includes('\t') || source.includes('\r') || source.charCodeAt(0) === 0xfeff)
  ) {
    return undefined;
  }
  const lines = tokenize(source);
  if (lines === undefined || lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const value = reader.block(0);
    return reader.at === lines.length ? value : undefined;
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

// js-yaml's test for characters a YAML stream may not hold (js-yaml 5, checkPrintable).
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

const NOT_PLAIN_ASCII = /[^\n\x20-\x7E]/;

/** Thrown inside the reader when the text leaves the subset; readBlockYaml turns it into `undefined`. */
const OUTSIDE = Symbol('outside the block subset');

/** A line with content: its indentation, its text from there, and whether a blank or comment line came before it. */
interface Line {
  indent: number;
  text: string;
  afterGap: boolean;
}

function tokenize(source: string): Line[] | undefined {
  const out: Line[] = [];
  let gap = false;
  for (const raw of source.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent += 1;
    if (indent === raw.length || raw.charCodeAt(indent) === 35 /* # */) {
      gap = true;
      continue;
    }
    // Directives and document markers: more than one document, or a header, is js-yaml's to read.
    if (indent === 0 && (raw.startsWith('%') || raw.startsWith('---') || raw.startsWith('...'))) return undefined;
    out.push({ indent, text: trimSpaces(raw.slice(indent)), afterGap: gap });
    gap = false;
  }
  return out;
}

/** A key js-yaml sets specially. Keys are otherwise plain scalars turned into property names (plainValue). */
const PROTO_KEY = '__proto__';
/** First characters of a plain scalar that make it something else, or need js-yaml's rules. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/**
 * The core schema's implicit scalar tags (null, bool, int, float) by the first character they may start with,
 * in schema order: the same dispatch js-yaml resolves a plain scalar with, on its own tag definitions.
 */
const IMPLICIT_BY_FIRST = (() => {
  const implicit = CORE_SCHEMA.tags.filter(
    (tag): tag is ScalarTagDefinition => tag.nodeKind === 'scalar' && tag.implicit,
  );
  const byFirst = new Map<string, ScalarTagDefinition[]>();
  for (const tag of implicit) {
    for (const c of tag.implicitFirstChars ?? []) byFirst.set(c, []);
  }
  for (const [c, tags] of byFirst) {
    tags.push(...implicit.filter((t) => t.implicitFirstChars === null || t.implicitFirstChars.includes(c)));
  }
  return { byFirst, anyFirst: implicit.filter((t) => t.implicitFirstChars === null) };
})();

/** A plain scalar's value under the core schema, as js-yaml's resolveImplicitScalarTag gives it. */
function plainValue(text: string): unknown {
  const candidates = IMPLICIT_BY_FIRST.byFirst.get(text.charAt(0)) ?? IMPLICIT_BY_FIRST.anyFirst;
  for (const tag of candidates) {
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return text;
}

class Reader {
  at = 0;
  constructor(private readonly lines: Line[]) {}

  private outside(): never {
    throw OUTSIDE;
  }

  /** The block node starting at the current line, whose indentation is `indent`. */
  block(indent: number): unknown {
    const line = this.lines[this.at]!;
    if (line.indent !== indent) this.outside();
    return isEntry(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (
      let line = this.lines[this.at];
      line && line.indent === indent && isEntry(line.text);
      line = this.lines[this.at]
    ) {
      let offset = 1;
      while (line.text.charCodeAt(offset) === 32) offset += 1;
      const rest = line.text.slice(offset);
      if (rest.length === 0) {
        this.at += 1;
        items.push(this.nested(indent, false));
      } else if (isEntry(rest)) {
        this.outside();
      } else if (keyEnd(rest) !== -1) {
        // "- key: value": a mapping whose first line starts after the dash.
        this.lines[this.at] = { indent: indent + offset, text: rest, afterGap: false };
        items.push(this.mapping(indent + offset));
      } else {
        this.at += 1;
        items.push(this.scalar(rest, indent));
      }
    }
    return items;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.at]; line && line.indent >= indent; line = this.lines[this.at]) {
      if (line.indent > indent || isEntry(line.text)) this.outside();
      const text = line.text;
      const colon = keyEnd(text);
      if (colon === -1) this.outside();
      const key = text.slice(0, colon);
      // A key the core schema reads as null or a boolean (True:) is left to js-yaml, as is a repeated one.
      if (key === PROTO_KEY || plainValue(key) !== key || Object.prototype.hasOwnProperty.call(map, key)) {
        this.outside();
      }
      let from = colon + 1;
      while (text.charCodeAt(from) === 32) from += 1;
      const rest = text.slice(from);
      this.at += 1;
      map[key] = rest.length === 0 || rest.startsWith('#') ? this.nested(indent, true) : this.scalar(rest, indent);
    }
    return map;
  }

  /** The value under a key or dash with nothing after it: a deeper block, a sequence at the key's level, or null. */
  private nested(indent: number, underKey: boolean): unknown {
    const next = this.lines[this.at];
    if (next && next.indent > indent) return this.block(next.indent);
    if (underKey && next && next.indent === indent && isEntry(next.text)) return this.sequence(indent);
    return null;
  }

  /** A scalar starting with `text` on the line just read, continued on lines deeper than `indent` if plain. */
  private scalar(text: string, indent: number): unknown {
    const c = text[0]!;
    if (c === "'" || c === '"') {
      const value = c === "'" ? singleQuoted(text) : doubleQuoted(text);
      if (value === undefined || this.continues(indent)) this.outside();
      return value;
    }
    if (text === '[]') return this.ending(indent, []);
    if (text === '{}') return this.ending(indent, {});
    if (INDICATORS.has(c) && !(c === '-' && text.length > 1 && text[1] !== ' ')) this.outside();
    let value = plainPart(text);
    if (value === undefined) this.outside();
    if (!this.continues(indent)) return plainValue(value);
    // A plain scalar folded over several lines: each further line joins with a space.
    if (text.includes(' #')) this.outside(); // a comment ends the scalar; more lines after it are an error
    while (this.continues(indent)) {
      const line = this.lines[this.at]!;
      if (line.afterGap || INDICATORS.has(line.text[0]!)) this.outside();
      const part = plainPart(line.text);
      if (part === undefined || line.text.includes(' #')) this.outside();
      value = `${value} ${part}`;
      this.at += 1;
    }
    return plainValue(value);
  }

  private ending<T>(indent: number, value: T): T {
    if (this.continues(indent)) this.outside();
    return value;
  }

  private continues(indent: number): boolean {
    const next = this.lines[this.at];
    return next !== undefined && next.indent > indent;
  }
}

/** Where the colon of a "key:" or "key: ..." line stands (a key of letters, digits, _ and -), or -1. */
function keyEnd(text: string): number {
  const first = text.charCodeAt(0);
  if (!(isLetter(first) || first === 95)) return -1;
  let i = 1;
  for (let c = text.charCodeAt(i); isLetter(c) || isDigit(c) || c === 95 || c === 45; c = text.charCodeAt(i)) i += 1;
  if (text.charCodeAt(i) !== 58 /* : */) return -1;
  return i + 1 === text.length || text.charCodeAt(i + 1) === 32 ? i : -1;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isEntry(text: string): boolean {
  return text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);
}

/** A plain scalar's text on one line, its comment cut off; undefined if it holds what would make it a key. */
function plainPart(text: string): string | undefined {
  const hash = text.indexOf(' #');
  const part = hash === -1 ? text : trimSpaces(text.slice(0, hash));
  if (part.includes(': ') || part.endsWith(':')) return undefined;
  return part;
}

/** The rest of a line after a closing quote: nothing, or a comment. */
function onlyComment(rest: string): boolean {
  let i = 0;
  while (rest.charCodeAt(i) === 32) i += 1;
  return i === rest.length || (rest.charCodeAt(i) === 35 /* # */ && i > 0);
}

/**
 * The text without its trailing spaces. Only spaces: YAML's white space is space and tab (tabs are left to
 * js-yaml), and String.trimEnd would also take a non-breaking space that belongs to the scalar.
 */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

function singleQuoted(text: string): string | undefined {
  let out = '';
  let i = 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close === -1) return undefined;
    out += text.slice(i, close);
    if (text[close + 1] === "'") {
      out += "'";
      i = close + 2;
      continue;
    }
    return onlyComment(text.slice(close + 1)) ? out : undefined;
  }
}

function doubleQuoted(text: string): string | undefined {
  const close = text.indexOf('"', 1);
  if (close === -1) return undefined;
  const inner = text.slice(1, close);
  // Escapes are YAML's, not JSON's: left to js-yaml.
  if (inner.includes('\\')) return undefined;
  return onlyComment(text.slice(close + 1)) ? inner : undefined;
}
