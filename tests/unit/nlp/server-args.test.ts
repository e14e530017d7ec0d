import { cacheKey } from '../../../src/nlp/cache';
import { ANNOTATE_PROPERTIES, propertiesQuery } from '../../../src/nlp/properties';
import {
  blockListText,
  complementOf,
  contains,
  formatCidr,
  LOOPBACK,
  parseCidr,
  randomCredentials,
  serverArgs,
  serverPropertiesText,
} from '../../../src/nlp/server-args';

const ip = (text: string): number => parseCidr(`${text}/32`).base;

describe('the blockList of a local CoreNLP server', () => {
  const subnets = blockListText().trim().split('\n').map(parseCidr);

  it('covers every IPv4 address outside 127.0.0.0/8, each exactly once', () => {
    const covered = subnets.reduce((n, c) => n + 2 ** (32 - c.bits), 0);
    expect(covered).toBe(2 ** 32 - 2 ** 24);
    for (const address of ['0.0.0.0', '10.1.2.3', '126.255.255.255', '128.0.0.0', '192.0.2.2', '255.255.255.255']) {
      expect({ address, hits: subnets.filter((c) => contains(c, ip(address))).length }).toEqual({ address, hits: 1 });
    }
  });

  it('leaves all of loopback out', () => {
    for (const address of ['127.0.0.0', '127.0.0.1', '127.255.255.255']) {
      expect({ address, blocked: subnets.some((c) => contains(c, ip(address))) }).toEqual({ address, blocked: false });
    }
  });

  it('is the complement of any subnet, not only loopback', () => {
    const allowed = parseCidr('10.20.0.0/16');
    const parts = complementOf(allowed);
    expect(parts).toHaveLength(16);
    expect(parts.reduce((n, c) => n + 2 ** (32 - c.bits), 0)).toBe(2 ** 32 - 2 ** 16);
    expect(parts.some((c) => contains(c, ip('10.20.200.1')))).toBe(false);
    expect(parts.some((c) => contains(c, ip('10.21.0.0')))).toBe(true);
  });

  it('round-trips subnets and rejects what is not one', () => {
    expect(formatCidr(LOOPBACK)).toBe('127.0.0.0/8');
    expect(formatCidr(parseCidr('192.168.1.0/24'))).toBe('192.168.1.0/24');
    expect(() => parseCidr('300.1.1.1/8')).toThrow('not an IPv4 subnet');
    expect(() => parseCidr('10.0.0.0/33')).toThrow('not an IPv4 subnet');
  });
});

describe('the credentials and command line of a local CoreNLP server', () => {
  it('makes a new hex pair per run, which no option parser reads as a flag', () => {
    const a = randomCredentials();
    const b = randomCredentials();
    expect(a).not.toEqual(b);
    for (const part of [a.user, a.password]) expect(part).toMatch(/^[a-z0-9-]+$/);
    expect(a.password.length).toBeGreaterThanOrEqual(32);
    expect(a.user.startsWith('-')).toBe(false);
  });

  it('passes heap, port, credentials and the blockList, turned on with -stanford, with IPv6 off', () => {
    const args = serverArgs({
      jarsDir: '/lib/jars',
      port: 45123,
      heap: '3g',
      timeoutMs: 90000,
      blockListFile: '/run/blocklist.txt',
      credentials: { user: 'u1', password: 'p1' },
      serverId: 'sg-1',
      serverPropertiesFile: '/run/server.properties',
      preload: 'tokenize,ssplit,ner',
    });
    const after = (flag: string): string | undefined => args[args.indexOf(flag) + 1];
    expect(args[0]).toBe('-mx3g');
    expect(args).toContain('-Djava.net.preferIPv4Stack=true');
    expect(after('-cp')).toBe('/lib/jars/*');
    expect(args).toContain('edu.stanford.nlp.pipeline.StanfordCoreNLPServer');
    expect(after('-port')).toBe('45123');
    expect(after('-timeout')).toBe('90000');
    expect(after('-username')).toBe('u1');
    expect(after('-password')).toBe('p1');
    expect(after('-blockList')).toBe('/run/blocklist.txt');
    expect(after('-server_id')).toBe('sg-1');
    expect(args).toContain('-stanford');
    expect(after('-serverProperties')).toBe('/run/server.properties');
    expect(after('-preload')).toBe('tokenize,ssplit,ner');
    // JVM options come before the main class, server options after it.
    expect(args.indexOf('-Djava.net.preferIPv4Stack=true')).toBeLessThan(
      args.indexOf('edu.stanford.nlp.pipeline.StanfordCoreNLPServer'),
    );
  });
});

describe('the annotation request and its cache key', () => {
  it('preloads with the request properties, so the first request finds its models loaded', () => {
    const text = serverPropertiesText(ANNOTATE_PROPERTIES);
    expect(text).toContain('coref.algorithm = statistical');
    expect(text).toContain('ner.applyFineGrained = true');
    expect(text).not.toContain('outputFormat');
  });

  it('asks for the full annotator set as JSON, URL-encoded', () => {
    expect(ANNOTATE_PROPERTIES.annotators).toBe('tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp');
    const query = propertiesQuery(ANNOTATE_PROPERTIES);
    expect(query).not.toMatch(/[{}":,]/);
    expect(JSON.parse(decodeURIComponent(query.replace(/^properties=/, '')))).toEqual(ANNOTATE_PROPERTIES);
  });

  it('changes with the text, the properties and the version, and not with the order of properties', () => {
    const base = cacheKey('Jeff Sessions spoke.', { a: '1', b: '2' }, '4.5.10');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('Jeff Sessions spoke.', { b: '2', a: '1' }, '4.5.10')).toBe(base);
    expect(cacheKey('Jeff Sessions spoke!', { a: '1', b: '2' }, '4.5.10')).not.toBe(base);
    expect(cacheKey('Jeff Sessions spoke.', { a: '1', b: '3' }, '4.5.10')).not.toBe(base);
    expect(cacheKey('Jeff Sessions spoke.', { a: '1', b: '2' }, '4.5.9')).not.toBe(base);
  });
});
