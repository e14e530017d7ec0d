import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * scripts/dockerfile.js: the Dockerfile parser and the .dockerignore matcher that scripts/docker-steps.js
 * (`npm run docker:steps`) uses to run the Dockerfile's steps without Docker.
 */

interface Instruction {
  keyword: string;
  line: number;
  flags: Record<string, string | true>;
  text: string;
  image?: string;
  name?: string | null;
  env?: [string, string][];
  sources?: string[];
  dest?: string;
  exec?: string[] | null;
  command?: string | null;
}
interface Stage {
  name: string;
  image: string;
  line: number;
  index: number;
  instructions: Instruction[];
}
interface Rule {
  pattern: string;
  negate: boolean;
}
interface DockerfileModule {
  parseDockerfile(text: string): Stage[];
  parseDockerignore(text: string): Rule[];
  isExcluded(path: string, rules: Rule[]): boolean;
}

const ROOT = join(__dirname, '..', '..', '..');
const { parseDockerfile, parseDockerignore, isExcluded } =
  require('../../../scripts/dockerfile.js') as DockerfileModule;

describe('parseDockerfile', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    'FROM node:20-slim AS build',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN npm ci \\',
    '  # a comment inside the continuation',
    '  --no-audit',
    'ENV A=1 \\',
    '    B="two words" C=\'x y\'',
    'ENV LEGACY some value',
    '',
    'from node:20-slim',
    'COPY --from=build --chown=node:node /app/dist ./dist',
    'HEALTHCHECK --interval=30s --timeout=5s \\',
    '  CMD ["node", "-e", "process.exit(0)"]',
    'CMD node dist/main.js',
  ].join('\n');
  const [build, second] = parseDockerfile(text);

  it('splits the stages at FROM, naming an unnamed stage by its index', () => {
    expect(build).toMatchObject({ name: 'build', image: 'node:20-slim', line: 2, index: 0 });
    expect(second).toMatchObject({ name: '1', image: 'node:20-slim', line: 12, index: 1 });
  });

  it('joins continued lines, drops the comments inside them, and keeps the first line number', () => {
    const run = build!.instructions.find((i) => i.keyword === 'RUN');
    expect(run).toMatchObject({ line: 5, exec: null });
    expect(run!.text.split(/\s+/)).toEqual(['npm', 'ci', '--no-audit']);
  });

  it('reads ENV pairs with quotes, and the legacy "ENV NAME value" form', () => {
    const envs = build!.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.env);
    expect(envs).toEqual([
      [
        ['A', '1'],
        ['B', 'two words'],
        ['C', 'x y'],
      ],
      [['LEGACY', 'some value']],
    ]);
  });

  it('reads COPY sources, destination and flags', () => {
    const [first] = build!.instructions.filter((i) => i.keyword === 'COPY');
    expect(first).toMatchObject({ sources: ['package.json', 'package-lock.json'], dest: './', flags: {} });
    const fromBuild = second!.instructions.find((i) => i.keyword === 'COPY');
    expect(fromBuild).toMatchObject({
      sources: ['/app/dist'],
      dest: './dist',
      flags: { from: 'build', chown: 'node:node' },
    });
  });

  it('tells the exec form of CMD and HEALTHCHECK from the shell form', () => {
    const health = second!.instructions.find((i) => i.keyword === 'HEALTHCHECK');
    expect(health).toMatchObject({
      flags: { interval: '30s', timeout: '5s' },
      exec: ['node', '-e', 'process.exit(0)'],
    });
    const cmd = second!.instructions.find((i) => i.keyword === 'CMD');
    expect(cmd).toMatchObject({ exec: null, text: 'node dist/main.js' });
  });

  it.each([
    ['FROM a\nFETCH x', /^Dockerfile:2: unknown instruction "FETCH"/],
    ['RUN true\nFROM a', /^Dockerfile:1: RUN before the first FROM/],
    ['FROM a\nCOPY *.json ./', /^Dockerfile:2: COPY with quotes, wildcards/],
    ['FROM a\nCOPY a b c', /^Dockerfile:2: COPY of several sources needs a destination ending in "\/"/],
    ['FROM a\nENV PATH=$PATH:/x', /^Dockerfile:2: variable substitution in ENV/],
    ['FROM a\nRUN true \\', /^Dockerfile:2: the file ends inside a continued line/],
    ['# just a comment', /^Dockerfile:1: no FROM instruction/],
  ])('rejects %j, naming the line', (source, message) => {
    expect(() => parseDockerfile(source)).toThrow(message);
  });

  it("parses the project's Dockerfile into a build stage and a runtime stage that copies from it", () => {
    const stages = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    const froms = stages[1]!.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.flags.from);
    expect(froms.length).toBeGreaterThan(0);
    expect(new Set(froms)).toEqual(new Set(['build']));
  });
});

describe('the .dockerignore matcher', () => {
  const excludedBy = (patterns: string[], path: string): boolean =>
    isExcluded(path, parseDockerignore(patterns.join('\n')));

  const ENV_FILES = ['.env', '.env.*', '!.env.example'];
  it.each<[string, string[], string, boolean]>([
    ['"**/name" at the root', ['**/node_modules'], 'node_modules', true],
    ['"**/name" and what is under it', ['**/node_modules'], 'node_modules/a.js', true],
    ['"**/name" at any depth', ['**/node_modules'], 'web/node_modules/b/c.js', true],
    ['"**/name" only as a whole segment', ['**/node_modules'], 'src/node_modules_list.ts', false],
    ['a plain name and what is under it', ['dist'], 'dist/src/main.js', true],
    ['a plain name at the root only', ['dist'], 'src/dist/x.js', false],
    ['a path and what is under it', ['bench/results'], 'bench/results/run.json', true],
    ['a path, not its siblings', ['bench/results'], 'bench/run.ts', false],
    ['a path with leading and trailing "/"', ['/dist/'], 'dist/a.js', true],
    ['"*.ext" at the root', ['*.log'], 'npm.log', true],
    ['"*.ext" at the root only', ['*.log'], 'logs/npm.log', false],
    ['"**/*.ext" at any depth', ['**/*.log'], 'logs/deep/npm.log', true],
    ['"**/*.ext" at the root too', ['**/*.log'], 'npm.log', true],
    ['"**/*.ext" only with that ending', ['**/*.log'], 'catalog.ts', false],
    ['"?" as one character', ['a?c'], 'abc', true],
    ['"?" never as "/"', ['a?c'], 'a/c', false],
    ['".env" itself', ENV_FILES, '.env', true],
    ['".env.*"', ENV_FILES, '.env.local', true],
    ['"!" re-including what an earlier pattern excluded', ENV_FILES, '.env.example', false],
    ['the last matching pattern, not the first', ['!.env.example', '.env.*'], '.env.example', true],
  ])('matches %s: %j on %s excludes it: %s', (_what, patterns, path, excluded) => {
    expect(excludedBy(patterns, path)).toBe(excluded);
  });

  it('skips comments and blank lines', () => {
    expect(parseDockerignore('# dist\n\n  \ncoverage\n').map((r) => r.pattern)).toEqual(['coverage']);
  });

  it.each([['[abc].txt'], ['a\\*b'], ['src/a**'], ['../outside']])('rejects the unsupported form %j', (pattern) => {
    expect(() => parseDockerignore(`dist\n${pattern}`)).toThrow(/^\.dockerignore:2: /);
  });

  it("leaves the project's dependencies, builds, secrets and the embedded Neo4j out, and the sources in", () => {
    const rules = parseDockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    const out = ['node_modules/x/index.js', 'dist/src/main.js', '.data/lib/x.jar', '.env', '.env.local', 'a/b.log'];
    const kept = ['package.json', 'package-lock.json', 'src/main.ts', '.env.example', 'cypher/queries/x.cypher'];
    expect(out.filter((path) => !isExcluded(path, rules))).toEqual([]);
    expect(kept.filter((path) => isExcluded(path, rules))).toEqual([]);
  });

  it('lets through every file the Dockerfile copies from the context by name', () => {
    const rules = parseDockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    const named = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))
      .flatMap((stage) => stage.instructions)
      .filter((i) => i.keyword === 'COPY' && i.flags.from === undefined)
      .flatMap((i) => i.sources ?? [])
      .filter((source) => source !== '.');
    expect(named.length).toBeGreaterThan(0);
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n'));
    expect(named.filter((source) => !tracked.has(source) || isExcluded(source, rules))).toEqual([]);
  });
});
