// The pure half of scripts/docker-steps.js: a Dockerfile parser and a .dockerignore matcher, kept apart so a
// unit test can check them without running a build. Both cover only the forms this project's files use and
// throw on anything else, so a new form in the Dockerfile or .dockerignore fails loudly instead of being
// emulated wrongly.
'use strict';

/** Instructions the parser understands; the emulator decides which of them it can carry out. */
// prettier-ignore
const KEYWORDS = new Set([
  'FROM', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'CMD', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ARG', 'ADD',
  'ENTRYPOINT', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER',
]);

/** An error that names the file and line it is about. */
class ParseError extends Error {
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.line = line;
  }
}

/** Joins continuation lines and drops comments: [{ line, text }], line being where the instruction starts. */
function logicalLines(text) {
  const out = [];
  let current = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (current === null && /^#\s*escape\s*=/i.test(trimmed) && trimmed !== '# escape=\\') {
      throw new ParseError('Dockerfile', line, 'only the default escape character (\\) is supported');
    }
    // Docker drops comment lines and blank lines even inside a continued instruction.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (current === null) current = { line, text: body.trimStart() };
    else current.text += body;
    if (!continued) {
      out.push({ line: current.line, text: current.text.trimEnd() });
      current = null;
    }
  });
  if (current !== null) throw new ParseError('Dockerfile', current.line, 'the file ends inside a continued line');
  return out;
}

/** Leading `--name=value` / `--name` flags of an instruction, and the rest of its text. */
function splitFlags(text) {
  const flags = {};
  let rest = text;
  for (let match; (match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest)); rest = rest.slice(match[0].length)) {
    flags[match[1]] = match[2] ?? true;
  }
  return { flags, rest };
}

/** The exec (JSON array) form of RUN, CMD and HEALTHCHECK CMD, or null for the shell form. */
function execForm(text) {
  if (!text.startsWith('[')) return null;
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((word) => typeof word === 'string') ? parsed : null;
  } catch {
    return null; // Docker runs a malformed JSON array through the shell as well.
  }
}

/** Splits `a=1 b="two words"` (or the legacy `KEY value`) into [name, value] pairs. */
function parseEnv(text, line) {
  if (text.includes('$')) throw new ParseError('Dockerfile', line, 'variable substitution in ENV is not supported');
  const words = [];
  const WORD = /(?:[^\s"'\\]+|"(?:[^"\\]|\\.)*"|'[^']*'|\\.)+/g;
  for (const [word] of text.matchAll(WORD)) {
    words.push(
      word.replace(
        /"((?:[^"\\]|\\.)*)"|'([^']*)'|\\(.)/g,
        (_m, dq, sq, esc) => dq?.replace(/\\(.)/g, '$1') ?? sq ?? esc,
      ),
    );
  }
  if (words.length > 0 && !words[0].includes('=')) {
    const [name, ...value] = text.trim().split(/\s+/);
    return [[name, value.join(' ')]];
  }
  return words.map((word) => {
    const at = word.indexOf('=');
    if (at <= 0) throw new ParseError('Dockerfile', line, `ENV expects NAME=value, got "${word}"`);
    return [word.slice(0, at), word.slice(at + 1)];
  });
}

/** Sources and destination of COPY; the shell form only, without quotes or wildcards. */
function parseCopy(text, line) {
  if (/["'*?[\]$]/.test(text) || text.startsWith('[')) {
    throw new ParseError(
      'Dockerfile',
      line,
      'COPY with quotes, wildcards, variables or the JSON form is not supported',
    );
  }
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) throw new ParseError('Dockerfile', line, 'COPY needs at least one source and a destination');
  const dest = words.pop();
  if (words.length > 1 && !dest.endsWith('/')) {
    throw new ParseError(
      'Dockerfile',
      line,
      `COPY of several sources needs a destination ending in "/", got "${dest}"`,
    );
  }
  return { sources: words, dest };
}

/** One instruction: keyword, flags, its text, and the fields that keyword has. */
function parseInstruction({ line, text }) {
  const [, word = '', after = ''] = /^(\S+)\s*([\s\S]*)$/.exec(text) ?? [];
  const keyword = word.toUpperCase();
  if (!KEYWORDS.has(keyword)) throw new ParseError('Dockerfile', line, `unknown instruction "${word}"`);
  const { flags, rest } = splitFlags(after);
  const instruction = { keyword, line, flags, text: rest, original: text.replace(/\s+/g, ' ') };
  if (keyword === 'FROM') {
    const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
    if (!match) throw new ParseError('Dockerfile', line, `FROM expects "image [AS name]", got "${rest}"`);
    Object.assign(instruction, { image: match[1], name: match[2] ?? null });
  } else if (keyword === 'ENV') {
    instruction.env = parseEnv(rest, line);
  } else if (keyword === 'COPY') {
    Object.assign(instruction, parseCopy(rest, line));
  } else if (keyword === 'RUN' || keyword === 'CMD') {
    instruction.exec = execForm(rest);
  } else if (keyword === 'HEALTHCHECK') {
    const match = /^(CMD|NONE)\b\s*([\s\S]*)$/i.exec(rest);
    if (!match) throw new ParseError('Dockerfile', line, 'HEALTHCHECK expects options, then CMD or NONE');
    instruction.command = match[1].toUpperCase() === 'NONE' ? null : match[2];
    instruction.exec = instruction.command === null ? null : execForm(match[2]);
  }
  return instruction;
}

/** Parses a Dockerfile into its stages: [{ name, image, line, index, instructions }], FROM first in each. */
function parseDockerfile(text) {
  const stages = [];
  for (const logical of logicalLines(text)) {
    const instruction = parseInstruction(logical);
    if (instruction.keyword === 'FROM') {
      const { name, image, line } = instruction;
      stages.push({ name: name ?? String(stages.length), image, line, index: stages.length, instructions: [] });
    } else if (stages.length === 0) {
      throw new ParseError('Dockerfile', instruction.line, `${instruction.keyword} before the first FROM`);
    }
    stages[stages.length - 1].instructions.push(instruction);
  }
  if (stages.length === 0) throw new ParseError('Dockerfile', 1, 'no FROM instruction');
  return stages;
}

// ---------------------------------------------------------------------------------------------------------
// .dockerignore: Docker's rules (moby/patternmatcher) for the forms used here. A pattern is relative to the
// context root; `*` and `?` stay within one path segment, a `**` segment spans any number of them; a pattern
// that matches a folder excludes everything under it; the last pattern that matches decides, `!` re-includes.

/** One path segment of a pattern as a regular expression. */
function segmentRegex(segment, line) {
  if (/[[\]\\]/.test(segment))
    throw new ParseError('.dockerignore', line, `character classes and escapes are not supported: "${segment}"`);
  if (segment.includes('**'))
    throw new ParseError('.dockerignore', line, `"**" must be a whole path segment: "${segment}"`);
  return segment
    .replace(/[.+^${}()|]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
}

/** Compiles one pattern (without its `!`) to a regular expression over context-relative paths. */
function patternRegex(pattern, line) {
  const segments = pattern
    .replace(/^(\.?\/)+/, '')
    .replace(/\/+$/, '')
    .split(/\/+/);
  if (segments.some((s) => s === '..' || s === '.' || s === '')) {
    throw new ParseError('.dockerignore', line, `unsupported path in pattern "${pattern}"`);
  }
  let source = '';
  let separatorDue = false;
  segments.forEach((segment, i) => {
    if (segment === '**') {
      const last = i === segments.length - 1;
      if (last) source += separatorDue ? '(?:/.*)?' : '.*';
      else source += separatorDue ? '/(?:.*/)?' : '(?:.*/)?';
      separatorDue = false;
    } else {
      source += (separatorDue ? '/' : '') + segmentRegex(segment, line);
      separatorDue = true;
    }
  });
  return new RegExp(`^${source}$`);
}

/** Parses .dockerignore into rules [{ pattern, negate, regex, line }], in file order. */
function parseDockerignore(text) {
  const rules = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const negate = trimmed.startsWith('!');
    const pattern = negate ? trimmed.slice(1).trim() : trimmed;
    rules.push({ pattern, negate, regex: patternRegex(pattern, index + 1), line: index + 1 });
  });
  return rules;
}

/** Whether a context-relative path ("a/b/c.txt") is left out of the build context by these rules. */
function isExcluded(path, rules) {
  const parents = [];
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) parents.push(path.slice(0, at));
  let excluded = false;
  for (const rule of rules) {
    if (rule.regex.test(path) || parents.some((parent) => rule.regex.test(parent))) excluded = !rule.negate;
  }
  return excluded;
}

module.exports = { parseDockerfile, parseDockerignore, isExcluded, ParseError };
