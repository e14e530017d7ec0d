import { ConfigError, ENV_NAMES, loadConfig } from '../../src/core/config';

describe('loadConfig', () => {
  it('uses the embedded local Neo4j with safe defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.neo4j.uri).toBeNull();
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.local).toEqual({
      home: '/srv/app/.data/neo4j',
      libDir: '/srv/app/.data/lib',
      version: '5.26.30',
      boltPort: 7687,
      httpPort: 7474,
      heap: '512m',
      pageCache: '128m',
      classData: true,
    });
    expect(config.graphiql).toBe(true);
  });

  it('uses a remote server when NEO4J_URI is set, with any Neo4j scheme', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'a-long-secret' });
      expect(config.neo4j.uri).toBe(uri);
      expect(config.neo4j.password).toBe('a-long-secret');
    }
  });

  it('turns GraphiQL off by default in production, and lets GRAPHIQL decide', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'a-long-secret' }, 'NEO4J_URI'],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, 'NEO4J_PASSWORD'],
    [{ NEO4J_PASSWORD: 'short' }, 'NEO4J_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, 'NEO4J_LOCAL_HEAP'],
    [{ NEO4J_LOCAL_BOLT_PORT: '7000', NEO4J_LOCAL_HTTP_PORT: '7000' }, 'NEO4J_LOCAL_HTTP_PORT'],
    [{ SEED_ON_EMPTY: 'maybe' }, 'SEED_ON_EMPTY'],
    [{ INGEST_EXTRACTOR: 'magic' }, 'INGEST_EXTRACTOR'],
    [{ CORENLP_URL: 'ftp://nlp:9000' }, 'CORENLP_URL'],
    [{ CORENLP_URL: 'http://nlp:9000', CORENLP_USER: 'me' }, 'CORENLP_PASSWORD'],
    [{ CORENLP_PASSWORD: 'secret' }, 'CORENLP_USER'],
    [{ CORENLP_LOCAL_HEAP: 'big' }, 'CORENLP_LOCAL_HEAP'],
  ])('rejects %j with one message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it('starts a local CoreNLP only when CORENLP_URL is unset, and chooses the extractor automatically', () => {
    const local = loadConfig({}, '/srv/app');
    expect(local.extractor).toBe('auto');
    expect(local.corenlp).toMatchObject({
      url: null,
      credentials: null,
      libDir: '/srv/app/.data/corenlp/lib',
      cacheDir: '/srv/app/.data/corenlp/cache',
      heap: '4g',
    });
    const external = loadConfig({ CORENLP_URL: 'http://nlp:9000/', CORENLP_USER: 'u', CORENLP_PASSWORD: 'p' });
    expect(external.corenlp.url).toBe('http://nlp:9000');
    expect(external.corenlp.credentials).toEqual({ user: 'u', password: 'p' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });

  it('knows every variable it reads by name', () => {
    expect(ENV_NAMES).toEqual(
      expect.arrayContaining([
        'NEO4J_URI',
        'NEO4J_USER',
        'NEO4J_PASSWORD',
        'NEO4J_DATABASE',
        'PORT',
        'HOST',
        'LOG_LEVEL',
      ]),
    );
  });
});
