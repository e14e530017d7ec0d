import { DEFAULT_PORT, readProjectFile } from './support';

/* The Dockerfile as the image build reads it, through the parser that `npm run docker:steps` runs it with. */
const { parseDockerfile, parseDockerignore, isExcluded } = require('../../../scripts/dockerfile.js') as {
  parseDockerfile(text: string): Stage[];
  parseDockerignore(text: string): unknown;
  isExcluded(path: string, rules: unknown): boolean;
};

interface Instruction {
  keyword: string;
  flags: Record<string, string | true>;
  text: string;
  image?: string;
  env?: [string, string][];
  sources?: string[];
  exec?: string[] | null;
  command?: string | null;
}
interface Stage {
  name: string;
  instructions: Instruction[];
}

const of = (stage: Stage | undefined, keyword: string): Instruction[] =>
  (stage?.instructions ?? []).filter((i) => i.keyword === keyword);

describe('Dockerfile', () => {
  const stages = parseDockerfile(readProjectFile('Dockerfile'));
  const runtime = stages.at(-1);
  const buildStages: Stage = { name: 'build stages', instructions: stages.slice(0, -1).flatMap((s) => s.instructions) };

  it('builds in at least two stages, all FROM node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(of(stage, 'FROM')[0]?.image).toBe('node:20-bookworm-slim');
  });

  it('installs with npm ci, builds, and leaves the dev dependencies behind', () => {
    const runs = of(buildStages, 'RUN')
      .map((i) => i.text)
      .join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run build');
    expect(runs).toMatch(/npm (prune|ci) [^\n]*--omit=dev/);
  });

  it('runs the service as a user other than root, in production, listening on 0.0.0.0', () => {
    const user = of(runtime, 'USER').at(-1)?.text.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    const env = Object.fromEntries(of(runtime, 'ENV').flatMap((i) => i.env ?? []));
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
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
    const copies = of(runtime, 'COPY');
    const sources = copies.flatMap((i) => i.sources ?? []).map((source) => source.replace(/\/$/, ''));
    for (const path of needed) {
      expect({ path, copied: sources.some((s) => s === path || s.endsWith(`/${path}`)) }).toEqual({
        path,
        copied: true,
      });
    }
    for (const copy of copies) expect(copy.flags.chown).toEqual(expect.any(String));
  });

  it("exposes the service's default PORT and checks its health on /healthz with node", () => {
    expect(of(runtime, 'EXPOSE').flatMap((i) => i.text.split(/\s+/))).toContain(String(DEFAULT_PORT));
    const healthcheck = of(runtime, 'HEALTHCHECK').at(-1);
    expect(healthcheck?.exec?.[0]).toBe('node');
    expect(healthcheck?.command).toContain('/healthz');
  });

  it('starts node dist/src/main.js', () => {
    expect(of(runtime, 'CMD').at(-1)?.exec).toEqual(['node', 'dist/src/main.js']);
  });
});

describe('.dockerignore', () => {
  const rules = parseDockerignore(readProjectFile('.dockerignore'));

  it.each(['node_modules', 'dist', '.data', '.git', '.env', 'web/node_modules'])(
    'keeps %s out of the build context',
    (path) => {
      expect(isExcluded(path, rules)).toBe(true);
    },
  );
});
