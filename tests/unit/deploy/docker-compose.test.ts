import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../../src/core/config';
import { DEFAULT_PORT, ENV_NAME_SET, ROOT, defaultOf, readProjectFile } from './support';

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
