import { createHash } from 'node:crypto';
import {
  API_KEY_PREFIX,
  ApiKeyring,
  apiKeyLine,
  hasRole,
  hashApiKey,
  mintApiKey,
  parseApiKeys,
} from '../../src/core/api-keys';
import { callerOf } from '../../src/server/authentication';
import { main as apikeyCli } from '../../src/cli/apikey';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('API keys', () => {
  it('mints 256-bit random keys with the project prefix, each different', () => {
    const keys = new Set(Array.from({ length: 50 }, () => mintApiKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
      expect(Buffer.from(key.slice(API_KEY_PREFIX.length), 'base64url')).toHaveLength(32);
    }
  });

  it('stores the SHA-256 of a key in hex, in a name:role:hash line', () => {
    expect(hashApiKey('sgk_abc')).toBe(sha('sgk_abc'));
    expect(apiKeyLine('bot', 'writer', 'sgk_abc')).toBe(`bot:writer:${sha('sgk_abc')}`);
  });

  it('parses entries separated by commas or lines, skipping blanks and comments', () => {
    const text = `# writers\nbot:writer:${sha('a')}\n\n  analyst:reader:${sha('b').toUpperCase()}  # the analysts\n`;
    expect(parseApiKeys(text)).toEqual([
      { name: 'bot', role: 'writer', hash: sha('a') },
      { name: 'analyst', role: 'reader', hash: sha('b') },
    ]);
    expect(parseApiKeys(`a:reader:${sha('a')}, b:writer:${sha('b')}`).map((e) => e.name)).toEqual(['a', 'b']);
  });

  it.each([
    ['bot:writer', /^entry 1 \("bot"\) must be name:role:sha256/],
    [`bot:admin:${sha('a')}`, /^entry 1 \("bot"\): the role must be reader or writer \(got "admin"\)$/],
    ['bot:writer:sgk_the-key-itself', /^entry 1 \("bot"\): the hash must be the key's SHA-256 in hex/],
    [`-bot:writer:${sha('a')}`, /^entry 1 \("-bot"\): the name must be/],
    [`a:reader:${sha('a')}\na:writer:${sha('b')}`, /^entry 2 \("a"\): the name "a" is used twice$/],
  ])('refuses %j, naming the entry and the problem', (text, message) => {
    expect(() => parseApiKeys(text)).toThrow(message);
  });

  it('identifies a presented key by its hash, and nothing else', () => {
    const keyring = new ApiKeyring(
      parseApiKeys(`${apiKeyLine('bot', 'writer', 'k1')},${apiKeyLine('an', 'reader', 'k2')}`),
    );
    expect(keyring.identify('k1')).toMatchObject({ name: 'bot', role: 'writer' });
    expect(keyring.identify('k2')).toMatchObject({ name: 'an', role: 'reader' });
    expect(keyring.identify('k3')).toBeNull();
    expect(keyring.identify(sha('k1'))).toBeNull();
    expect(keyring.identify('')).toBeNull();
  });

  it('lets a writer read, and a reader not write', () => {
    expect(hasRole({ kind: 'key', name: 'w', role: 'writer' }, 'reader')).toBe(true);
    expect(hasRole({ kind: 'key', name: 'r', role: 'reader' }, 'writer')).toBe(false);
    expect(hasRole({ kind: 'anonymous' }, 'reader')).toBe(false);
  });
});

describe('the caller of a request', () => {
  const keyring = new ApiKeyring(parseApiKeys(apiKeyLine('bot', 'writer', 'sgk_k1')));

  it('takes the key from Authorization: Bearer or X-API-Key', () => {
    expect(callerOf({ authorization: 'Bearer sgk_k1' }, keyring)).toEqual({ kind: 'key', name: 'bot', role: 'writer' });
    expect(callerOf({ authorization: 'bearer  sgk_k1 ' }, keyring)).toMatchObject({ kind: 'key' });
    expect(callerOf({ 'x-api-key': 'sgk_k1' }, keyring)).toMatchObject({ kind: 'key', name: 'bot' });
    expect(callerOf({ authorization: 'Bearer sgk_k1', 'x-api-key': 'sgk_k1' }, keyring)).toMatchObject({ kind: 'key' });
  });

  it('is anonymous without credentials, and refused with wrong or malformed ones', () => {
    expect(callerOf({}, keyring)).toEqual({ kind: 'anonymous' });
    expect(callerOf({ authorization: 'Bearer sgk_other' }, keyring)).toEqual({
      kind: 'refused',
      problem: 'The API key is not valid.',
    });
    expect(callerOf({ authorization: 'Basic Ym90OnB3' }, keyring)).toEqual({
      kind: 'refused',
      problem: 'The Authorization header must be "Bearer <key>".',
    });
    expect(callerOf({ authorization: 'Bearer sgk_k1', 'x-api-key': 'sgk_k2' }, keyring)).toMatchObject({
      kind: 'refused',
      problem: 'The Authorization and X-API-Key headers name different keys: send one.',
    });
  });
});

describe('npm run apikey', () => {
  /** Runs the CLI and collects what it printed. */
  function run(argv: string[]): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    const code = apikeyCli(
      argv,
      { write: (s: string) => ((out += s), true) } as NodeJS.WritableStream,
      { write: (s: string) => ((err += s), true) } as NodeJS.WritableStream,
    );
    return { code, out, err };
  }

  it('prints a new key once and the configuration line that holds only its hash', () => {
    const { code, out } = run(['--name', 'ingest-bot', '--role', 'writer']);
    expect(code).toBe(0);
    const key = /^\s+(sgk_\S+)$/m.exec(out)?.[1];
    expect(key).toBeDefined();
    const line = /^\s+(ingest-bot:writer:[0-9a-f]{64})$/m.exec(out)?.[1];
    expect(line).toBe(apiKeyLine('ingest-bot', 'writer', key!));
    expect(out.split(key!).length - 1).toBe(1);
    expect(parseApiKeys(line!)).toEqual([{ name: 'ingest-bot', role: 'writer', hash: hashApiKey(key!) }]);
  });

  it('refuses a missing name or an unknown role with the usage', () => {
    expect(run(['--role', 'writer'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^--name is required\nUsage/),
    });
    expect(run(['--name=x', '--role=admin'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^--role must be reader or writer\n/),
    });
  });
});
