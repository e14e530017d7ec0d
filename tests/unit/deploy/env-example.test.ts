import { ENV_NAMES, ENV_SCHEMA, type EnvName, defaultOf, readProjectFile, sorted } from './support';

interface EnvExampleLine {
  name: string;
  value: string;
  commented: boolean;
}

/** `NAME=value` lines, commented out (`# NAME=value`) or not; prose comments are skipped. */
function parseEnvExample(text: string): EnvExampleLine[] {
  return text.split('\n').flatMap((line) => {
    const match = /^\s*(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match?.[2]) return [];
    return [{ name: match[2], value: (match[3] ?? '').trim(), commented: match[1] !== undefined }];
  });
}

describe('.env.example', () => {
  const lines = parseEnvExample(readProjectFile('.env.example'));

  it('names exactly the variables of ENV_NAMES, each once', () => {
    expect(sorted(lines.map((l) => l.name))).toEqual(sorted(ENV_NAMES));
  });

  it("shows each variable's default, or a valid example for a variable without one", () => {
    for (const { name, value } of lines) {
      const expected = defaultOf(name);
      if (expected !== undefined) expect({ name, value }).toEqual({ name, value: expected });
      else expect({ name, valid: ENV_SCHEMA[name as EnvName].safeParse(value).success }).toEqual({ name, valid: true });
    }
  });

  it('commits no password: the NEO4J_PASSWORD line is a commented-out placeholder', () => {
    expect(lines.find((l) => l.name === 'NEO4J_PASSWORD')).toMatchObject({ commented: true });
  });
});
