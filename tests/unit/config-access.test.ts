import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyLine } from '../../src/core/api-keys';
import { ConfigError, loadConfig } from '../../src/core/config';

/** The ConfigError loadConfig throws for env, or a failure when it throws none. */
function configError(env: Record<string, string>, cwd?: string): ConfigError {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('access and write limits in the configuration', () => {
  it('has no keys, public reads, a 4 MiB writer body and 60 mutations a minute by default', () => {
    const config = loadConfig({});
    expect(config.access).toEqual({ keys: [], readAccess: 'public' });
    expect(config.writes).toEqual({ maxBodyBytes: 4 * 1024 * 1024, perMinute: 60, burst: 10 });
  });

  it('reads keys from API_KEYS and API_KEYS_FILE together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    writeFileSync(join(dir, 'keys'), `# analysts\n${apiKeyLine('analyst', 'reader', 'k2')}\n`);
    const config = loadConfig({ API_KEYS: apiKeyLine('bot', 'writer', 'k1'), API_KEYS_FILE: 'keys' }, dir);
    expect(config.access.keys.map((k) => `${k.name}:${k.role}`)).toEqual(['bot:writer', 'analyst:reader']);
  });

  it('names the variable of a bad key entry without echoing the value', () => {
    const error = configError({ API_KEYS: 'bot:writer:sgk_secret-pasted-by-mistake' });
    expect(error.variable).toBe('API_KEYS');
    expect(error.message).not.toContain('sgk_secret');
  });

  it('refuses an unreadable API_KEYS_FILE, a name in both places, and READ_ACCESS=key without keys', () => {
    expect(configError({ API_KEYS_FILE: '/nonexistent/keys' }).variable).toBe('API_KEYS_FILE');
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    writeFileSync(join(dir, 'keys'), apiKeyLine('bot', 'reader', 'k2'));
    expect(configError({ API_KEYS: apiKeyLine('bot', 'writer', 'k1'), API_KEYS_FILE: 'keys' }, dir).message).toContain(
      'names the key "bot" that API_KEYS names too',
    );
    expect(configError({ READ_ACCESS: 'key' }).variable).toBe('READ_ACCESS');
    expect(configError({ MAX_WRITE_BODY_BYTES: '1000' }).variable).toBe('MAX_WRITE_BODY_BYTES');
  });
});
