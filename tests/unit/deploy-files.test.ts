import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ENV_NAMES, ENV_SCHEMA, type EnvName, loadConfig } from '../../src/core/config';

/*
 * The deployment files (Dockerfile, .dockerignore, docker-compose.yml, .env.example) and the configuration
 * table of the docs must agree with src/core/config.ts, the one module that reads the environment. Docker is not
 * available everywhere the tests run, so these tests read the files rather than run them.
 */

const ROOT = join(__dirname, '..', '..');
const readProjectFile = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

const ENV_NAME_SET: ReadonlySet<string> = new Set(ENV_NAMES);
const sorted = (names: Iterable<string>): string[] => [...names].sort();

/** The value a variable takes when unset, written as in a file; undefined when it has none. */
function defaultOf(name: string): string | undefined {
  if (!ENV_NAME_SET.has(name)) return undefined;
  const parsed = ENV_SCHEMA[name as EnvName].safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? String(parsed.data) : undefined;
}

const DEFAULT_PORT = Number(defaultOf('PORT'));

// ---------------------------------------------------------------------------------------------------------
// docker-compose.yml

interface ComposeService {
  image?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number)[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[] };
}

const compose = parseYaml(readProjectFile('docker-compose.yml')) as { services?: Record<string, ComposeService> };

function composeService(name: string): ComposeService {
  const found = compose.services?.[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

/** A service's environment as a map, whether written as a map or as a list of KEY=VALUE. */
function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const [name = '', ...value] = entry.split('=');
        return [name, value.join('=')];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value === null ? '' : String(value)]));
}

interface PortMapping {
  hostIp: string | undefined;
  published: string | undefined;
  target: number;
}

/** Short syntax: [host_ip:][published:]target[/protocol], where published may be a ${...} interpolation. */
const PORT_MAPPING =
  /^(?:(?<hostIp>\d{1,3}(?:\.\d{1,3}){3}|\[[^\]]*\]):)?(?:(?<published>\$\{[^}]+\}|\d+):)?(?<target>\d+)(?:\/(?:tcp|udp))?$/;

function portsOf(service: ComposeService): PortMapping[] {
  return (service.ports ?? []).map((port) => {
    const groups = PORT_MAPPING.exec(String(port))?.groups;
    if (!groups?.target) throw new Error(`Unrecognised port mapping: ${String(port)}`);
    return { hostIp: groups.hostIp, published: groups.published, target: Number(groups.target) };
  });
}

/** The health check's command as one line, '' when there is none. */
function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test ?? [];
  return Array.isArray(test) ? test.join(' ') : test;
}

interface Interpolation {
  name: string;
  /** '-' or ':-' gives a default, '?' or ':?' makes the variable required. */
  operator: string | undefined;
  argument: string | undefined;
}

/** ${NAME}, ${NAME:-default}, ${NAME:?message}; "$${...}" is compose's escape for a literal "$". */
const INTERPOLATION = /(?<!\$)\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g;

function interpolationsIn(text: string): Interpolation[] {
  return [...text.matchAll(INTERPOLATION)].map(([, name = '', operator, argument]) => ({ name, operator, argument }));
}

/** Every string value of a parsed YAML document (comments excluded: compose does not interpolate them). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Substitutes interpolations as compose does when the host environment (or .env) holds only `given`. */
function interpolate(text: string, given: Record<string, string>): string {
  return text.replace(INTERPOLATION, (_match, name: string, operator?: string, argument?: string) => {
    const value = given[name];
    if (value !== undefined && value !== '') return value;
    return operator?.endsWith('-') ? (argument ?? '') : '';
  });
}

/** `${NEO4J_PASSWORD:?message}`: read from the environment or .env, required, never defaulted. */
const PASSWORD_FROM_ENVIRONMENT = /^\$\{NEO4J_PASSWORD:\?[^}]*\}$/;

describe('docker-compose.yml', () => {
  const api = composeService('api');
  const neo4j = composeService('neo4j');
  const apiEnv = environmentOf(api);

  describe('interpolation from the environment or .env', () => {
    const interpolations = stringsIn(compose).flatMap(interpolationsIn);

    it("interpolates only the service's own variables, which .env.example documents", () => {
      const unknown = interpolations.map((i) => i.name).filter((name) => !ENV_NAME_SET.has(name));
      expect(unknown).toEqual([]);
    });

    it("falls back to the service's own default wherever it gives one", () => {
      const withDefaults = interpolations.filter((i) => i.operator?.endsWith('-') && defaultOf(i.name) !== undefined);
      expect(withDefaults.length).toBeGreaterThan(0);
      for (const { name, argument } of withDefaults) {
        expect({ name, default: argument }).toEqual({ name, default: defaultOf(name) });
      }
    });

    it('requires NEO4J_PASSWORD rather than defaulting it', () => {
      const password = interpolations.filter((i) => i.name === 'NEO4J_PASSWORD');
      expect(password.length).toBeGreaterThan(0);
      for (const { operator } of password) expect(operator).toBe(':?');
    });
  });

  describe('the api service', () => {
    it('sets only variables the service reads (ENV_NAMES)', () => {
      const unknown = Object.keys(apiEnv).filter((name) => !ENV_NAME_SET.has(name));
      expect(unknown).toEqual([]);
    });

    it('gives the service a configuration it accepts: production, listening on 0.0.0.0 at the default PORT', () => {
      const resolved = Object.fromEntries(
        Object.entries(apiEnv).map(([name, value]) => [
          name,
          interpolate(value, { NEO4J_PASSWORD: 'a-test-only-secret' }),
        ]),
      );
      const config = loadConfig(resolved, ROOT);
      expect(config).toMatchObject({ env: 'production', host: '0.0.0.0', port: DEFAULT_PORT });
    });

    it("publishes its container port, the service's default PORT, on 127.0.0.1 at the host port ${PORT}", () => {
      const [mapping, ...others] = portsOf(api);
      expect(others).toEqual([]);
      expect(mapping).toEqual({
        hostIp: '127.0.0.1',
        published: expect.stringMatching(/^\$\{PORT\b/),
        target: DEFAULT_PORT,
      });
      expect(Number(apiEnv.PORT)).toBe(DEFAULT_PORT);
    });

    it('connects by NEO4J_URI to the neo4j service, on the Bolt port that service exposes', () => {
      const uri = new URL(apiEnv.NEO4J_URI ?? '');
      expect(uri.hostname).toBe('neo4j');
      expect(uri.port).toBe('7687');
      expect(portsOf(neo4j).map((p) => p.target)).toContain(Number(uri.port));
    });

    it('starts only once neo4j is healthy', () => {
      expect(api.depends_on).toMatchObject({ neo4j: { condition: 'service_healthy' } });
    });

    it('checks its readiness on /readyz', () => {
      expect(healthcheckCommand(api)).toContain(`127.0.0.1:${DEFAULT_PORT}/readyz`);
    });
  });

  describe('the neo4j service', () => {
    it('runs Neo4j 5.26 Community', () => {
      expect(neo4j.image).toMatch(/^neo4j:5\.26(\.\d+)?-community(-[a-z0-9]+)?$/);
    });

    it('has a health check', () => {
      expect(healthcheckCommand(neo4j)).not.toBe('');
    });

    it('passes the image only its own variables: NEO4J_AUTH and lower-case settings (NEO4J_server_...)', () => {
      // The image turns any other NEO4J_* variable into a setting, which Neo4j refuses as unknown.
      const foreign = Object.keys(environmentOf(neo4j)).filter(
        (name) => !/^NEO4J_(AUTH|PLUGINS|[a-z][a-z0-9_]*)$/.test(name),
      );
      expect(foreign).toEqual([]);
    });
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const published = Object.values(compose.services ?? {})
      .flatMap(portsOf)
      .filter((p) => p.published !== undefined);
    expect(published.length).toBeGreaterThan(0);
    for (const mapping of published) expect(mapping.hostIp).toBe('127.0.0.1');
  });

  it('contains no password: NEO4J_AUTH, NEO4J_PASSWORD and the health check read it from variables', () => {
    expect(environmentOf(neo4j).NEO4J_AUTH?.replace(/^neo4j\//, '')).toMatch(PASSWORD_FROM_ENVIRONMENT);
    expect(apiEnv.NEO4J_PASSWORD).toMatch(PASSWORD_FROM_ENVIRONMENT);
    for (const match of healthcheckCommand(neo4j).matchAll(/(?:-p|--password)[\s=]+(\S+)/g)) {
      expect(match[1]).toMatch(/^"?\$/);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// .env.example

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

// ---------------------------------------------------------------------------------------------------------
// Dockerfile and .dockerignore

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions with continuation lines joined and comments dropped; one array per FROM stage. */
function dockerfileStages(text: string): Instruction[][] {
  const logicalLines = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const stages: Instruction[][] = [];
  for (const line of logicalLines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const argsOf = (stage: Instruction[], keyword: string): string[] =>
  stage.filter((i) => i.keyword === keyword).map((i) => i.args);

/** `ENV A=1 B="two words"` as a map. */
function envOf(stage: Instruction[]): Record<string, string> {
  const pairs = argsOf(stage, 'ENV').flatMap((args) => [...args.matchAll(/(\w+)=("[^"]*"|\S*)/g)]);
  return Object.fromEntries(pairs.map(([, name = '', value = '']) => [name, value.replace(/^"|"$/g, '')]));
}

/** The source paths of each COPY, options (--from, --chown) removed. */
function copySources(stage: Instruction[]): string[] {
  return argsOf(stage, 'COPY').flatMap((args) =>
    args
      .split(/\s+/)
      .filter((word) => !word.startsWith('--'))
      .slice(0, -1),
  );
}

describe('Dockerfile', () => {
  const stages = dockerfileStages(readProjectFile('Dockerfile'));
  const runtime = stages.at(-1) ?? [];
  const buildStages = stages.slice(0, -1).flat();

  it('builds in at least two stages, all FROM node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(argsOf(stage, 'FROM')[0]).toMatch(/^node:20-bookworm-slim(\s+AS\s+\S+)?$/i);
  });

  it('installs with npm ci, builds, and leaves the dev dependencies behind', () => {
    const runs = argsOf(buildStages, 'RUN').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run build');
    expect(runs).toMatch(/npm (prune|ci) [^\n]*--omit=dev/);
  });

  it('runs the service as a user other than root, in production, listening on 0.0.0.0', () => {
    const user = argsOf(runtime, 'USER').at(-1)?.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(envOf(runtime)).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
  });

  it('copies into the runtime stage, owned by that user, everything the service reads at run time', () => {
    // src/core/paths.ts recognises the project root by package.json and tsconfig.build.json together.
    const needed = [
      'package.json',
      'tsconfig.build.json',
      'node_modules',
      'dist',
      'cypher',
      'schema',
      'ingest/corpus',
      'ingest/annotations',
    ];
    const sources = copySources(runtime).map((source) => source.replace(/\/$/, ''));
    for (const path of needed) {
      expect({ path, copied: sources.some((s) => s === path || s.endsWith(`/${path}`)) }).toEqual({
        path,
        copied: true,
      });
    }
    for (const copy of argsOf(runtime, 'COPY')) expect(copy).toMatch(/--chown=\S+/);
  });

  it("exposes the service's default PORT and checks its health on /healthz with node", () => {
    expect(argsOf(runtime, 'EXPOSE').join(' ').split(/\s+/)).toContain(String(DEFAULT_PORT));
    const healthcheck = argsOf(runtime, 'HEALTHCHECK').at(-1);
    expect(healthcheck).toMatch(/CMD \["node",/);
    expect(healthcheck).toContain('/healthz');
  });

  it('starts node dist/src/main.js', () => {
    const cmd = argsOf(runtime, 'CMD').at(-1);
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', 'dist/src/main.js']);
  });
});

describe('.dockerignore', () => {
  const patterns = readProjectFile('.dockerignore')
    .split('\n')
    .map((line) => line.trim());

  it.each(['node_modules', 'dist', '.data', '.git', '.env'])('keeps %s out of the build context', (path) => {
    expect(patterns.some((p) => p === path || p === `**/${path}`)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The configuration table

const TABLE_START = '<!-- config-table:start -->';
const TABLE_END = '<!-- config-table:end -->';

/** docs/configuration.md always holds the table; README.md is checked too once it carries the markers. */
const TABLE_DOCUMENTS = [
  'docs/configuration.md',
  ...(existsSync(join(ROOT, 'README.md')) && readProjectFile('README.md').includes(TABLE_START) ? ['README.md'] : []),
];

/** The table's rows between the markers: variable name (backticks removed) and default cell. */
function configTableRows(file: string): { name: string; defaultCell: string }[] {
  const text = readProjectFile(file);
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${TABLE_START} … ${TABLE_END} section`);
  return text
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, name = '', defaultCell = '']) => ({ name: name.replace(/`/g, ''), defaultCell }))
    .filter(({ name }) => /^[A-Z][A-Z0-9_]*$/.test(name));
}

describe.each(TABLE_DOCUMENTS)('the configuration table in %s', (file) => {
  const rows = configTableRows(file);

  it('has one row per variable of ENV_NAMES, no more, no fewer', () => {
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(ENV_NAMES));
  });

  it("states each variable's default", () => {
    for (const { name, defaultCell } of rows) {
      const expected = defaultOf(name);
      if (expected !== undefined) expect({ name, defaultCell }).toEqual({ name, defaultCell: `\`${expected}\`` });
    }
  });
});
